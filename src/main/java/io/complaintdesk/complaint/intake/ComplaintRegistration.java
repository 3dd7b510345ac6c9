package io.complaintdesk.complaint.intake;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

import org.springframework.stereotype.Service;

import io.complaintdesk.complaint.CaseNumberGenerator;
import io.complaintdesk.complaint.ComplaintRegistry;
import io.complaintdesk.complaint.ComplaintRegistry.Registration;
import io.complaintdesk.complaint.NewComplaint;

/**
 * Registers a classified complaint (POLICY §2): gives the case its number by date and daily
 * sequence and writes its registry row, once, with its level. Runs inside the transaction that
 * starts the process instance.
 */
@Service
class ComplaintRegistration {

	private final CaseNumberGenerator caseNumbers;

	private final ComplaintRegistry registry;

	private final Clock clock;

	ComplaintRegistration(CaseNumberGenerator caseNumbers, ComplaintRegistry registry, Clock clock) {
		this.caseNumbers = caseNumbers;
		this.registry = registry;
		this.clock = clock;
	}

	/** @return the case number */
	String register(NewComplaint complaint, String processInstanceId, String registeredBy, Instant receivedAt,
			int level, boolean major) {
		LocalDate day = receivedAt.atZone(this.clock.getZone()).toLocalDate();
		String caseNumber = this.caseNumbers.next(day);
		this.registry.register(new Registration(caseNumber, processInstanceId, receivedAt, registeredBy, complaint,
				level, major));
		return caseNumber;
	}

}
