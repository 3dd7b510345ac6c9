package io.complaintdesk.complaint.intake;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.camunda.bpm.engine.BadUserRequestException;
import org.springframework.stereotype.Service;

import io.complaintdesk.complaint.CaseNumberGenerator;
import io.complaintdesk.complaint.Category;
import io.complaintdesk.complaint.Channel;
import io.complaintdesk.complaint.ComplainantType;
import io.complaintdesk.complaint.ComplaintDeskProperties;
import io.complaintdesk.complaint.ComplaintRegistry;
import io.complaintdesk.complaint.ComplaintRegistry.NewComplaint;
import io.complaintdesk.complaint.Demand;

/**
 * Registers a complaint (POLICY §2): checks the intake data, gives the case its number and writes
 * the registry row. Runs inside the transaction that starts the process instance.
 */
@Service
class ComplaintRegistration {

	private final Validator validator;

	private final CaseNumberGenerator caseNumbers;

	private final ComplaintRegistry registry;

	private final ComplaintDeskProperties properties;

	ComplaintRegistration(Validator validator, CaseNumberGenerator caseNumbers, ComplaintRegistry registry,
			ComplaintDeskProperties properties) {
		this.validator = validator;
		this.caseNumbers = caseNumbers;
		this.registry = registry;
		this.properties = properties;
	}

	/** Refuses the request with every field error at once, so nothing half-registered remains. */
	void validate(ComplaintRequest request) {
		Set<ConstraintViolation<ComplaintRequest>> violations = this.validator.validate(request);
		if (!violations.isEmpty()) {
			String errors = violations.stream()
				.map((v) -> v.getPropertyPath() + " " + v.getMessage())
				.sorted()
				.collect(Collectors.joining("; "));
			throw new BadUserRequestException("The complaint cannot be registered: " + errors);
		}
	}

	Registered register(ComplaintRequest request, String processInstanceId, String registeredBy, Instant receivedAt) {
		validate(request);
		LocalDate day = receivedAt.atZone(this.properties.zone()).toLocalDate();
		String caseNumber = this.caseNumbers.next(day);
		this.registry.register(new NewComplaint(caseNumber, processInstanceId, receivedAt, registeredBy,
				Channel.valueOf(request.channel()), ComplainantType.valueOf(request.complainantType()),
				Category.valueOf(request.category()), request.customerId(), request.customerName(),
				request.contactPhone(), request.description(), Demand.valueOf(request.demand()),
				request.claimAmount(), request.productCode(), request.storeCode(), request.accusedEmployee(),
				request.relatedCaseNumber(), 1, false));
		return new Registered(caseNumber, request.toVariables());
	}

	record Registered(String caseNumber, Map<String, Object> normalizedVariables) {
	}

}
