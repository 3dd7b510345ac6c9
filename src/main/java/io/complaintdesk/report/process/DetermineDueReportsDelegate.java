package io.complaintdesk.report.process;

import java.time.Clock;
import static io.complaintdesk.report.process.ComplaintReportProcess.*;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.complaintdesk.base.BusinessKeys;
import io.complaintdesk.base.Refusal;
import io.complaintdesk.report.ReportPeriod;
import io.complaintdesk.report.ReportStore;
import io.complaintdesk.base.TaskInput;

/**
 * Service task "Determine due reports", synchronous with the start: a request that cannot be served
 * (a bad kind or period, a period not over yet, a report released already or waiting for release
 * in another run) fails the start with the reason, and nothing is started. The timer's run skips
 * reports released or waiting already and ends at "No report due" when none is left. Names the run
 * {@code REPORTS-2026-11-23} ({@code -2}, {@code -3} for further runs of the day) unless it was
 * started with a business key.
 */
@Component("determineDueReports")
class DetermineDueReportsDelegate implements JavaDelegate {

	private static final Logger log = LoggerFactory.getLogger(DetermineDueReportsDelegate.class);

	private final ReportRuns runs;

	private final ReportStore store;

	private final RuntimeService runtime;

	private final HistoryService history;

	private final Clock clock;

	DetermineDueReportsDelegate(ReportRuns runs, ReportStore store, RuntimeService runtime, HistoryService history, Clock clock) {
		this.clock = clock;
		this.runs = runs;
		this.store = store;
		this.runtime = runtime;
		this.history = history;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Instant now = this.clock.instant();
		String kind = TaskInput.optionalText(execution, KIND);
		String period = TaskInput.optionalText(execution, PERIOD);
		boolean onDemand = kind != null || period != null;
		List<ReportPeriod> due;
		if (onDemand) {
			ReportPeriod requested = this.runs.requested(kind, period, now);
			refuseIfTaken(requested, execution.getProcessInstanceId());
			due = List.of(requested);
		}
		else {
			due = this.runs.scheduled(now).stream().filter((p) -> isFree(p, execution.getProcessInstanceId())).toList();
		}
		if (execution.getProcessBusinessKey() == null || execution.getProcessBusinessKey().isBlank()) {
			execution.setProcessBusinessKey(unusedKey(businessKey(this.runs.today(now))));
		}
		ON_DEMAND.set(execution, onDemand);
		DUE_REPORTS.set(execution, due.stream().map(ReportPeriod::label).collect(Collectors.joining(",")));
		DUE_REPORT_COUNT.set(execution, due.size());
	}

	private void refuseIfTaken(ReportPeriod period, String thisRun) {
		if (this.store.released(period).isPresent()) {
			throw Refusal.of("refusal.report.released", period.label(), ReportLinks.path(period));
		}
		openIn(period, thisRun).ifPresent((run) -> {
			throw Refusal.of("refusal.report.waiting", period.label(), run);
		});
	}

	private boolean isFree(ReportPeriod period, String thisRun) {
		if (this.store.released(period).isPresent()) {
			log.info("Report {} is released already: not prepared again", period.label());
			return false;
		}
		Optional<String> open = openIn(period, thisRun);
		open.ifPresent((run) -> log.info("Report {} is waiting for release in {}: not prepared again", period.label(),
				run));
		return open.isEmpty();
	}

	/** The business key of another running run that prepares or releases the period's report. */
	private Optional<String> openIn(ReportPeriod period, String thisRun) {
		List<ProcessInstance> runs = this.runtime.createProcessInstanceQuery().processDefinitionKey(KEY).unlimitedList();
		String[] others = runs.stream()
			.map(ProcessInstance::getId)
			.filter((id) -> !id.equals(thisRun))
			.toArray(String[]::new);
		if (others.length == 0) {
			return Optional.empty();
		}
		// the branch's element variable: set from the start of the branch, before its report is prepared
		List<VariableInstance> branches = this.runtime.createVariableInstanceQuery()
			.processInstanceIdIn(others)
			.variableName(REPORT.name())
			.variableValueEquals(REPORT.name(), period.label())
			.unlimitedList();
		return branches.stream()
			.findFirst()
			.flatMap((branch) -> runs.stream().filter((run) -> run.getId().equals(branch.getProcessInstanceId())).findFirst())
			.map((run) -> (run.getBusinessKey() != null) ? run.getBusinessKey() : run.getId());
	}

	private String unusedKey(String key) {
		return BusinessKeys.unused(this.history, KEY, key);
	}

}
