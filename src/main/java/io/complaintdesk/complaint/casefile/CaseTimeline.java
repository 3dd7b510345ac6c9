package io.complaintdesk.complaint.casefile;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.springframework.stereotype.Service;

import io.complaintdesk.base.Messages;
import io.complaintdesk.base.Text;
import io.complaintdesk.complaint.CallbackMode;
import io.complaintdesk.complaint.ComplaintRegistry;
import io.complaintdesk.complaint.Deadlines;
import io.complaintdesk.complaint.DuplicateReports;
import io.complaintdesk.complaint.DuplicateReports.DuplicateReport;
import io.complaintdesk.complaint.ComplaintRegistry.ComplaintRecord;
import io.complaintdesk.complaint.ComplaintRegistry.RoundRecord;
import io.complaintdesk.complaint.ComplaintTexts;
import io.complaintdesk.complaint.casefile.TimelineEntry.Type;
import io.complaintdesk.engine.Privileged;
import io.complaintdesk.notification.Notification;
import io.complaintdesk.notification.Notifications;

/**
 * A case's timeline (处理记录), oldest first, put together from what each owner records: the registry
 * (registration, upgrades, closure), the engine's history (every completed task of the case with who
 * completed it and the decision it set — as much as the configured history level keeps: none at
 * {@code none}, no decisions below {@code full}), the duplicate reports of the same matter, notes,
 * attachments and pauses of the case file, and
 * the notifications of the outbox (through {@link Notifications}, never its table).
 */
@Service
class CaseTimeline {

	/** The variables a task's form decides, in the order they are told. */
	private static final List<String> DECISIONS = List.of("valid", "verificationNote", "dismissalConfirmed",
			"resolution", "compensationAmount", "compensationApproved", "approvalComment", "reviewApproved",
			"reviewComment", "reached", "satisfaction", "callbackMode", "finalDecision");

	private static final Set<String> BOOLEANS = Set.of("valid", "dismissalConfirmed", "compensationApproved",
			"reviewApproved", "reached");

	private static final String COMPLETED = "completed";

	private final ComplaintRegistry registry;

	private final CaseNotes notes;

	private final CaseAttachments attachments;

	private final CasePauses pauses;

	private final Notifications notifications;

	private final DuplicateReports duplicates;

	private final Deadlines deadlines;

	private final HistoryService history;

	private final Privileged privileged;

	CaseTimeline(ComplaintRegistry registry, CaseNotes notes, CaseAttachments attachments, CasePauses pauses,
			Notifications notifications, DuplicateReports duplicates, Deadlines deadlines, HistoryService history,
			Privileged privileged) {
		this.registry = registry;
		this.notes = notes;
		this.attachments = attachments;
		this.pauses = pauses;
		this.notifications = notifications;
		this.duplicates = duplicates;
		this.deadlines = deadlines;
		this.history = history;
		this.privileged = privileged;
	}

	/** The timeline of a case the caller has already been allowed to read. */
	List<TimelineEntry> of(ComplaintRecord c, Locale locale) {
		List<TimelineEntry> entries = new ArrayList<>();
		entries.add(new TimelineEntry(c.receivedAt(), Type.REGISTERED, c.registeredBy(), render(
				Text.of("timeline.registered", c.channel(), ComplaintTexts.level(c.level()),
						c.major() ? Text.of("timeline.major") : ""), locale)));
		for (RoundRecord round : this.registry.rounds(c.caseNumber())) {
			if (round.round() > 1) {
				entries.add(new TimelineEntry(round.startedAt(), Type.ROUND_STARTED, null,
						render(Text.of("timeline.upgraded", round.round(), ComplaintTexts.level(round.level())), locale)));
			}
		}
		entries.addAll(tasks(c.caseNumber(), locale));
		this.notes.of(c.caseNumber())
			.forEach((n) -> entries.add(new TimelineEntry(n.writtenAt(), Type.NOTE, n.writtenBy(),
					render(Text.of("timeline.note", n.text()), locale))));
		this.attachments.of(c.caseNumber())
			.forEach((a) -> entries.add(new TimelineEntry(a.uploadedAt(), Type.ATTACHMENT, a.uploadedBy(),
					render(Text.of("timeline.attachment." + a.kind().name(), a.fileName()), locale))));
		for (DuplicateReport d : this.duplicates.of(c.caseNumber())) {
			Object words = (d.description() != null && !d.description().isBlank())
					? Text.of("timeline.duplicateReport.words", d.description()) : "";
			entries.add(new TimelineEntry(d.receivedAt(), Type.DUPLICATE_REPORT, d.recordedBy(), render(
					Text.of("timeline.duplicateReport", d.channel(), this.deadlines.localText(d.receivedAt()), words),
					locale)));
		}
		for (CasePauses.Pause p : this.pauses.of(c.caseNumber())) {
			entries.add(new TimelineEntry(p.pausedAt(), Type.PAUSED, p.pausedBy(),
					render(Text.of("timeline.paused", p.reason()), locale)));
			if (p.resumedAt() != null) {
				entries.add(new TimelineEntry(p.resumedAt(), Type.RESUMED, p.resumedBy(), render(Text.of("timeline.resumed",
						hours(p.workingSeconds())), locale)));
			}
		}
		for (Notification n : this.notifications.find(c.caseNumber())) {
			Object to = (n.recipientGroup() != null) ? Text.of("timeline.notification.group", n.recipientGroup())
					: n.recipientUser();
			entries.add(new TimelineEntry(n.createdAt(), Type.NOTIFICATION, null,
					render(Text.of("timeline.notification." + n.status().name(), to, n.subject()), locale)));
		}
		if (c.closedAt() != null) {
			entries.add(new TimelineEntry(c.closedAt(), Type.CLOSED, c.archivedBy(),
					render(Text.of("timeline.closed", (c.outcome() != null) ? c.outcome() : ""), locale)));
		}
		entries.sort(Comparator.comparing(TimelineEntry::at));
		return entries;
	}

	private static String hours(Long workingSeconds) {
		long seconds = (workingSeconds != null) ? workingSeconds : 0;
		return String.format(Locale.ROOT, "%.1f", Duration.ofSeconds(seconds).toMinutes() / 60.0);
	}

	// the engine's history of the case: its own instance and the callbacks it called share its business key
	private List<TimelineEntry> tasks(String caseNumber, Locale locale) {
		return this.privileged.run(() -> {
			List<HistoricTaskInstance> done = this.history.createHistoricTaskInstanceQuery()
				.processInstanceBusinessKey(caseNumber)
				.finished()
				.orderByHistoricTaskInstanceEndTime()
				.asc()
				.unlimitedList()
				.stream()
				.filter((t) -> COMPLETED.equals(t.getDeleteReason()))
				.toList();
			if (done.isEmpty()) {
				return List.<TimelineEntry>of();
			}
			Map<String, Map<String, Object>> decisions = decisions(caseNumber);
			List<TimelineEntry> entries = new ArrayList<>();
			for (HistoricTaskInstance task : done) {
				List<Text> parts = new ArrayList<>();
				Map<String, Object> set = decisions.getOrDefault(task.getActivityInstanceId(), Map.of());
				for (String name : DECISIONS) {
					Object value = set.get(name);
					if (value != null && !(value instanceof String s && s.isBlank())) {
						parts.add(decision(name, value));
					}
				}
				Text text = parts.isEmpty() ? Text.of("timeline.task.done", task.getName())
						: Text.of("timeline.task.decided", task.getName(), parts);
				entries.add(new TimelineEntry(task.getEndTime().toInstant(), Type.TASK_COMPLETED, task.getAssignee(),
						render(text, locale)));
			}
			return entries;
		});
	}

	/** The decision variables each task set, by the task's activity instance (history level full only). */
	private Map<String, Map<String, Object>> decisions(String caseNumber) {
		String[] instances = this.history.createHistoricProcessInstanceQuery()
			.processInstanceBusinessKey(caseNumber)
			.unlimitedList()
			.stream()
			.map(HistoricProcessInstance::getId)
			.toArray(String[]::new);
		Map<String, Map<String, Object>> byActivity = new HashMap<>();
		if (instances.length == 0) {
			return byActivity;
		}
		for (HistoricDetail detail : this.history.createHistoricDetailQuery()
			.processInstanceIdIn(instances)
			.variableUpdates()
			.disableBinaryFetching()
			.orderByTime()
			.asc()
			.unlimitedList()) {
			if (detail instanceof HistoricVariableUpdate update && DECISIONS.contains(update.getVariableName())
					&& detail.getActivityInstanceId() != null) {
				byActivity.computeIfAbsent(detail.getActivityInstanceId(), (k) -> new HashMap<>())
					.put(update.getVariableName(), update.getValue());
			}
		}
		return byActivity;
	}

	private static Text decision(String name, Object value) {
		if (BOOLEANS.contains(name) && value instanceof Boolean b) {
			return Text.of("timeline.decision." + name + "." + b);
		}
		if ("satisfaction".equals(name) && value instanceof Number n && n.intValue() >= 1 && n.intValue() <= 5) {
			return Text.of("timeline.decision.satisfaction", Text.of("timeline.satisfaction." + n.intValue()));
		}
		if ("callbackMode".equals(name)) {
			try {
				return Text.of("timeline.decision.callbackMode", CallbackMode.valueOf(value.toString()));
			}
			catch (IllegalArgumentException ex) {
				return Text.of("timeline.decision.callbackMode", value.toString());
			}
		}
		return Text.of("timeline.decision." + name, value);
	}

	private static String render(Text text, Locale locale) {
		return Messages.render(text, locale);
	}

}
