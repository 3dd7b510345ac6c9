package io.complaintdesk.report.process;

import static io.complaintdesk.report.process.ComplaintReportProcess.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import io.complaintdesk.engine.Actors;
import io.complaintdesk.base.Messages;
import io.complaintdesk.base.Refusal;
import io.complaintdesk.base.TaskInput;
import io.complaintdesk.base.Text;

/**
 * "Release the report": on {@code create} the task is named after its report, so a weekly and a
 * monthly report of the same run can be told apart in Tasklist's list; on {@code complete} the
 * clerk who releases it is recorded (the report is released in their name) and their comment is
 * checked. A refusal leaves the task open.
 */
@Component("recordReportRelease")
class RecordReportReleaseListener implements TaskListener {

	@Override
	public void notify(DelegateTask task) {
		if (EVENTNAME_CREATE.equals(task.getEventName())) {
			task.setName(Messages.chinese(Text.of("report.release.taskName", REPORT_TITLE.require(task))));
			return;
		}
		String clerk = Actors.of(task);
		if (clerk == null) {
			throw Refusal.of("refusal.report.noClerk");
		}
		String comment = TaskInput.optionalText(task, RELEASE_COMMENT);
		RELEASE_COMMENT.set(task, comment);
		RELEASED_BY.set(task, clerk);
	}

}
