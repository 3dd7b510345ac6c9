package io.complaintdesk.complaint.casefile;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.complaintdesk.base.ApiRefusal;
import io.complaintdesk.base.Groups;
import io.complaintdesk.base.Reader;
import io.complaintdesk.calendar.WorkingCalendar;
import io.complaintdesk.complaint.CallbackProcess;
import io.complaintdesk.complaint.CaseStatus;
import io.complaintdesk.complaint.ComplaintProcess;
import io.complaintdesk.complaint.ComplaintRegistry;
import io.complaintdesk.complaint.ComplaintRegistry.ComplaintRecord;
import io.complaintdesk.complaint.Deadlines;
import io.complaintdesk.engine.Privileged;

/**
 * Waiting for the customer (等待客户（暂停计时）). A pause stops the case's clocks: the timer jobs of
 * the case's instances ({@code complaint-handling} and the callbacks it called: case deadline,
 * first contact, progress contacts, missed callback …) are suspended, so none fires. Resuming moves
 * every deadline by the working time the pause lasted ({@link WorkingCalendar#workingTimeBetween}):
 * the due date of each suspended timer, the due date of each open task, the registry's close-by
 * and the instance's {@code closeBy}/{@code closeOn}; then the timers run again. Work on the case
 * (notes, attachments, completing tasks) goes on while it waits.
 * <p>
 * Who may pause and resume: those who work cases — {@code agents}, {@code supervisors},
 * {@code directors}, {@code gm} (and administrators) — if they may read the case. Clerks and
 * brand/legal read cases but do not work them (403).
 */
@Service
class WaitingForCustomer {

	static final Set<String> HANDLER_GROUPS = Set.of(Groups.AGENTS, Groups.SUPERVISORS, Groups.DIRECTORS, Groups.GM);

	private final CaseFile caseFile;

	private final ComplaintRegistry registry;

	private final CasePauses pauses;

	private final WorkingCalendar calendar;

	private final Deadlines deadlines;

	private final RuntimeService runtime;

	private final ManagementService management;

	private final TaskService tasks;

	private final Privileged privileged;

	private final Clock clock;

	WaitingForCustomer(CaseFile caseFile, ComplaintRegistry registry, CasePauses pauses, WorkingCalendar calendar,
			Deadlines deadlines, RuntimeService runtime, ManagementService management, TaskService tasks,
			Privileged privileged, Clock clock) {
		this.caseFile = caseFile;
		this.registry = registry;
		this.pauses = pauses;
		this.calendar = calendar;
		this.deadlines = deadlines;
		this.runtime = runtime;
		this.management = management;
		this.tasks = tasks;
		this.privileged = privileged;
		this.clock = clock;
	}

	@Transactional
	void pause(String caseNumber, String reason, Reader reader) {
		ComplaintRecord c = workable(caseNumber, reader);
		Instant now = this.clock.instant();
		if (!this.registry.markPaused(c.caseNumber(), now)) {
			throw (c.status() == CaseStatus.CLOSED) ? ApiRefusal.conflict("api.pause.closed", caseNumber)
					: ApiRefusal.conflict("api.pause.alreadyPaused", caseNumber);
		}
		this.pauses.open(c.caseNumber(), reason.strip(), reader.userId(), now);
		this.privileged.run(() -> {
			timers(c.caseNumber(), false).forEach((job) -> this.management.suspendJobById(job.getId()));
			this.runtime.createMessageCorrelation(PauseWatchProcess.PAUSED_MESSAGE)
				.processInstanceBusinessKey(c.caseNumber())
				.setVariable(PauseWatchProcess.CASE_NUMBER.name(), c.caseNumber())
				.setVariable(PauseWatchProcess.PAUSE_REASON.name(), reason.strip())
				.setVariable(PauseWatchProcess.PAUSED_BY.name(), reader.userId())
				.setVariable(PauseWatchProcess.PAUSED_AT.name(), Date.from(now))
				.setVariable(PauseWatchProcess.ACCUSED_EMPLOYEE.name(), c.accusedEmployee())
				.correlateStartMessage();
		});
	}

	@Transactional
	Duration resume(String caseNumber, Reader reader) {
		ComplaintRecord c = workable(caseNumber, reader);
		CasePauses.Pause pause = this.pauses.current(c.caseNumber())
			.orElseThrow(() -> ApiRefusal.conflict("api.pause.notPaused", caseNumber));
		Instant now = this.clock.instant();
		Duration paused = this.calendar.workingTimeBetween(pause.pausedAt(), now);
		Instant closeBy = this.calendar.plusWorkingTime(this.deadlines.closeBy(c), paused);
		if (!this.registry.markResumed(c.caseNumber(), closeBy, paused.toSeconds())) {
			throw ApiRefusal.conflict("api.pause.notPaused", caseNumber);
		}
		this.pauses.close(pause.id(), reader.userId(), now, paused.toSeconds());
		this.privileged.run(() -> {
			for (Job job : timers(c.caseNumber(), true)) {
				this.management.setJobDuedate(job.getId(), moved(job.getDuedate(), paused));
				this.management.activateJobById(job.getId());
			}
			String[] handling = caseInstances(c.caseNumber(), ComplaintProcess.KEY, CallbackProcess.KEY).stream()
				.map(ProcessInstance::getId)
				.toArray(String[]::new);
			List<Task> open = (handling.length == 0) ? List.of()
					: this.tasks.createTaskQuery().processInstanceIdIn(handling).unlimitedList();
			for (Task task : open) {
				if (task.getDueDate() != null) {
					task.setDueDate(moved(task.getDueDate(), paused));
					this.tasks.saveTask(task);
				}
			}
			for (ProcessInstance instance : caseInstances(c.caseNumber(), ComplaintProcess.KEY)) {
				this.runtime.setVariable(instance.getId(), ComplaintProcess.CLOSE_BY.name(), Date.from(closeBy));
				this.runtime.setVariable(instance.getId(), ComplaintProcess.CLOSE_ON.name(),
						this.deadlines.localText(closeBy));
			}
			this.runtime.createMessageCorrelation(PauseWatchProcess.RESUMED_MESSAGE)
				.processInstanceBusinessKey(c.caseNumber())
				.correlateAll();
		});
		return paused;
	}

	private ComplaintRecord workable(String caseNumber, Reader reader) {
		ComplaintRecord c = this.caseFile.readable(caseNumber, reader);
		if (!reader.isAdmin() && reader.groups().stream().noneMatch(HANDLER_GROUPS::contains)) {
			throw ApiRefusal.forbidden("api.pause.forbidden");
		}
		return c;
	}

	private Date moved(Date due, Duration paused) {
		return Date.from(this.calendar.plusWorkingTime(due.toInstant(), paused));
	}

	/** The timer jobs of the case's handling and callback instances, suspended or active. */
	private List<Job> timers(String caseNumber, boolean suspended) {
		return caseInstances(caseNumber, ComplaintProcess.KEY, CallbackProcess.KEY).stream()
			.flatMap((instance) -> {
				var query = this.management.createJobQuery().processInstanceId(instance.getId()).timers();
				return (suspended ? query.suspended() : query.active()).unlimitedList().stream();
			})
			.toList();
	}

	private List<ProcessInstance> caseInstances(String caseNumber, String... keys) {
		return this.runtime.createProcessInstanceQuery()
			.processInstanceBusinessKey(caseNumber)
			.processDefinitionKeyIn(keys)
			.unlimitedList();
	}

}
