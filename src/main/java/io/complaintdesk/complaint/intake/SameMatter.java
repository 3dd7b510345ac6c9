package io.complaintdesk.complaint.intake;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import io.complaintdesk.base.Reader;
import io.complaintdesk.base.Refusal;
import io.complaintdesk.engine.Actors;
import io.complaintdesk.complaint.CaseAccess;
import io.complaintdesk.complaint.CaseStatus;
import io.complaintdesk.complaint.ComplaintRegistry;
import io.complaintdesk.complaint.ComplaintRegistry.ComplaintRecord;
import io.complaintdesk.complaint.DuplicateReports;
import io.complaintdesk.complaint.DuplicateReports.DuplicateReport;
import io.complaintdesk.complaint.NewComplaint;
import io.complaintdesk.complaint.intake.ComplaintIntake.RegisteredComplaint;

/**
 * The case a complaint names as its matter ({@code relatedCaseNumber}, POLICY §2, §3): a case of
 * the same customer (same customer id or same contact phone) that the person registering may read.
 * Open, the complaint is a further report of it and is added to it; closed, it is a repeat
 * complaint (二次投诉). A case of another customer, or one the registering person may not read,
 * counts as not named at all: the answer shows nothing of it (POLICY §9).
 */
@Service
class SameMatter {

	private final ComplaintRegistry registry;

	private final DuplicateReports reports;

	private final CaseAccess access;

	private final IdentityService identity;

	private final Clock clock;

	private final TransactionTemplate ownTransaction;

	SameMatter(ComplaintRegistry registry, DuplicateReports reports, CaseAccess access, IdentityService identity,
			Clock clock, PlatformTransactionManager transactionManager) {
		this.ownTransaction = new TransactionTemplate(transactionManager);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.registry = registry;
		this.reports = reports;
		this.access = access;
		this.identity = identity;
		this.clock = clock;
	}

	/**
	 * The open case this complaint reports again, its row locked until the transaction ends.
	 * @param reader who registers; {@code null}: the desk itself (may read every case)
	 */
	Optional<ComplaintRecord> openCase(NewComplaint complaint, Reader reader) {
		if (complaint.relatedCaseNumber() == null) {
			return Optional.empty();
		}
		return this.registry.findForUpdate(complaint.relatedCaseNumber())
			.filter((c) -> c.status() == CaseStatus.OPEN)
			.filter((c) -> relates(complaint, c, reader));
	}

	/** Adds the complaint to the open case as a further report: its channel, time of receipt and words. */
	RegisteredComplaint addTo(ComplaintRecord open, NewComplaint complaint, String recordedBy) {
		Instant now = this.clock.instant();
		this.reports.record(open.caseNumber(),
				new DuplicateReport(complaint.channel(), (complaint.receivedAt() != null) ? complaint.receivedAt() : now,
						now, recordedBy, complaint.description(), complaint.contactEmail()));
		return new RegisteredComplaint(open.caseNumber(), open.processInstanceId(), open.level(), open.major(), true);
	}

	/**
	 * A start from Tasklist's form (or engine REST) that reports an open case again: the report is
	 * added to that case in a transaction of its own, and the start is refused with a message that
	 * says so, so that no instance starts (the start's own transaction rolls back).
	 */
	void refuseStartOfOpenCase(NewComplaint complaint, Reader reader, String recordedBy) {
		RegisteredComplaint added = this.ownTransaction
			.execute((status) -> openCase(complaint, reader).map((open) -> addTo(open, complaint, recordedBy))
				.orElse(null));
		if (added != null) {
			throw Refusal.of("refusal.complaint.duplicate", added.caseNumber());
		}
	}

	/** Whether the named case may count as this complaint's matter: same customer, readable by whoever registers. */
	boolean relates(NewComplaint complaint, ComplaintRecord named, Reader reader) {
		return ComplaintRegistry.sameCustomer(named, complaint.customerId(), complaint.contactPhone())
				&& readable(named, reader);
	}

	/** The one access rule ({@link CaseAccess}); {@code null}: the desk itself reads every case. */
	boolean readable(ComplaintRecord c, Reader reader) {
		return reader == null || this.access.mayRead(reader, c);
	}

	/** Who registers, as authenticated with the engine; {@code null} when the desk itself starts the case. */
	Reader currentReader() {
		return Actors.current(this.identity);
	}

}
