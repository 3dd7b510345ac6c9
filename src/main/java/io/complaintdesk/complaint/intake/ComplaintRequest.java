package io.complaintdesk.complaint.intake;

import static io.complaintdesk.complaint.ComplaintProcess.*;

import java.util.Map;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;

import io.complaintdesk.complaint.Category;
import io.complaintdesk.complaint.Channel;
import io.complaintdesk.complaint.ComplainantType;
import io.complaintdesk.complaint.Demand;
import io.complaintdesk.system.EnumName;
import io.complaintdesk.system.PlainText;

/**
 * A complaint as it arrives from any channel: the start variables of {@code complaint-handling}
 * (CONTRACT). The same constraints apply to {@code POST /api/complaints} and to a start from
 * Tasklist, so bad input is refused the same way wherever it comes from.
 */
public record ComplaintRequest(@Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._-]*") String customerId,
		@NotBlank @Size(max = 200) @PlainText String customerName,
		@NotBlank @Pattern(regexp = "\\+?[0-9][0-9 ()-]{4,38}", message = "must be a phone number") String contactPhone,
		@NotNull @EnumName(Channel.class) String channel,
		@NotNull @EnumName(ComplainantType.class) String complainantType,
		@NotNull @EnumName(Category.class) String category,
		@NotBlank @Size(max = 4000) @PlainText(multiline = true) String description,
		@NotNull @EnumName(Demand.class) String demand,
		@PositiveOrZero @DecimalMax(value = "10000000", message = "must be at most 10,000,000") Double claimAmount,
		@Size(max = 64) @PlainText String productCode, @Size(max = 64) @PlainText String storeCode,
		@Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._@-]*") String accusedEmployee,
		@Size(max = 32) @Pattern(regexp = "([A-Z]{2,5}-\\d{8}-\\d{4,10})?", message = "must be a case number like CMP-20261122-0007") String relatedCaseNumber,
		Boolean repeatComplaint, Boolean emotional, Boolean beyondAuthority, Boolean batchIssue, Boolean disturbance,
		Boolean reputationRisk) {

	/** Reads a request back from start variables (a Tasklist start form, the engine REST API). */
	static ComplaintRequest fromVariables(Map<String, Object> variables) {
		return new ComplaintRequest(text(variables, CUSTOMER_ID.name()), text(variables, CUSTOMER_NAME.name()),
				text(variables, CONTACT_PHONE.name()), text(variables, CHANNEL.name()),
				text(variables, COMPLAINANT_TYPE.name()), text(variables, CATEGORY.name()),
				text(variables, DESCRIPTION.name()), text(variables, DEMAND.name()), CLAIM_AMOUNT.from(variables),
				text(variables, PRODUCT_CODE.name()), text(variables, STORE_CODE.name()),
				text(variables, ACCUSED_EMPLOYEE.name()), text(variables, RELATED_CASE_NUMBER.name()),
				REPEAT_COMPLAINT.from(variables), EMOTIONAL.from(variables), BEYOND_AUTHORITY.from(variables),
				BATCH_ISSUE.from(variables), DISTURBANCE.from(variables), REPUTATION_RISK.from(variables));
	}

	/** The start variables, blanks dropped and flags defaulted to false. */
	VariableMap toVariables() {
		VariableMap variables = Variables.createVariables();
		putText(variables, CUSTOMER_ID.name(), this.customerId);
		putText(variables, CUSTOMER_NAME.name(), this.customerName);
		putText(variables, CONTACT_PHONE.name(), this.contactPhone);
		putText(variables, CHANNEL.name(), this.channel);
		putText(variables, COMPLAINANT_TYPE.name(), this.complainantType);
		putText(variables, CATEGORY.name(), this.category);
		putText(variables, DESCRIPTION.name(), this.description);
		putText(variables, DEMAND.name(), this.demand);
		if (this.claimAmount != null) {
			CLAIM_AMOUNT.putInto(variables, this.claimAmount);
		}
		putText(variables, PRODUCT_CODE.name(), this.productCode);
		putText(variables, STORE_CODE.name(), this.storeCode);
		putText(variables, ACCUSED_EMPLOYEE.name(), this.accusedEmployee);
		putText(variables, RELATED_CASE_NUMBER.name(), this.relatedCaseNumber);
		REPEAT_COMPLAINT.putInto(variables, isTrue(this.repeatComplaint));
		EMOTIONAL.putInto(variables, isTrue(this.emotional));
		BEYOND_AUTHORITY.putInto(variables, isTrue(this.beyondAuthority));
		BATCH_ISSUE.putInto(variables, isTrue(this.batchIssue));
		DISTURBANCE.putInto(variables, isTrue(this.disturbance));
		REPUTATION_RISK.putInto(variables, isTrue(this.reputationRisk));
		return variables;
	}

	private static boolean isTrue(Boolean flag) {
		return Boolean.TRUE.equals(flag);
	}

	private static void putText(Map<String, Object> variables, String name, String value) {
		if (value != null && !value.isBlank()) {
			variables.put(name, value.trim());
		}
	}

	private static String text(Map<String, Object> variables, String name) {
		Object value = variables.get(name);
		if (value == null) {
			return null;
		}
		String text = value.toString().trim();
		return text.isEmpty() ? null : text;
	}

}
