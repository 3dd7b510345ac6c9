package io.complaintdesk.complaint.intake;

import static io.complaintdesk.complaint.ComplaintProcess.*;

import java.util.Date;
import java.util.Map;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonCreator;

import io.complaintdesk.complaint.Category;
import io.complaintdesk.complaint.Channel;
import io.complaintdesk.complaint.ComplainantType;
import io.complaintdesk.complaint.Demand;
import io.complaintdesk.complaint.NewComplaint;
import io.complaintdesk.base.EnumName;
import io.complaintdesk.base.PlainText;

/**
 * A complaint as it arrives from any channel: the start variables of {@code complaint-handling}
 * (CONTRACT). The same constraints apply to {@code POST /api/complaints} and to a start from
 * Tasklist, so bad input is refused the same way wherever it comes from. An anonymous complaint
 * (POLICY §2) needs no name and no phone; {@code receivedAt} is when a letter, fax or escalation
 * reached the desk (absent: now).
 */
@ContactUnlessAnonymous
public record ComplaintRequest(
		@Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._-]*", message = "{constraint.id}") String customerId,
		@Size(max = 200) @PlainText String customerName,
		@Pattern(regexp = "(\\+?[0-9][0-9 ()-]{4,38})?", message = "{constraint.phone}") String contactPhone,
		@NotNull @EnumName(Channel.class) String channel,
		@NotNull @EnumName(ComplainantType.class) String complainantType,
		@NotNull @EnumName(Category.class) String category,
		@NotBlank @Size(max = 4000) @PlainText(multiline = true) String description,
		@NotNull @EnumName(Demand.class) String demand,
		@PositiveOrZero @DecimalMax(value = "10000000", message = "{constraint.claimAmount.max}") Double claimAmount,
		@Size(max = 64) @PlainText String productCode, @Size(max = 64) @PlainText String storeCode,
		@Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._@-]*", message = "{constraint.userId}") String accusedEmployee,
		@Size(max = 32) @Pattern(regexp = "([A-Z]{2,5}-\\d{8}-\\d{4,10})?",
				message = "{constraint.caseNumber}") String relatedCaseNumber,
		Boolean repeatComplaint, Boolean emotional, Boolean beyondAuthority, Boolean batchIssue, Boolean disturbance,
		Boolean reputationRisk, Boolean anonymous, @Email @Size(max = 200) @PlainText String contactEmail,
		@Size(max = 64) @PlainText @ReceiptTime String receivedAt, Boolean wholeProduct) {

	@JsonCreator
	public ComplaintRequest {
	}

	/** A complaint received now, named, with no e-mail address (the start variables before POLICY §2's additions). */
	public ComplaintRequest(String customerId, String customerName, String contactPhone, String channel,
			String complainantType, String category, String description, String demand, Double claimAmount,
			String productCode, String storeCode, String accusedEmployee, String relatedCaseNumber,
			Boolean repeatComplaint, Boolean emotional, Boolean beyondAuthority, Boolean batchIssue,
			Boolean disturbance, Boolean reputationRisk) {
		this(customerId, customerName, contactPhone, channel, complainantType, category, description, demand,
				claimAmount, productCode, storeCode, accusedEmployee, relatedCaseNumber, repeatComplaint, emotional,
				beyondAuthority, batchIssue, disturbance, reputationRisk, null, null, null, null);
	}

	/** Reads a request back from start variables (a Tasklist start form, the engine REST API). */
	public static ComplaintRequest fromVariables(Map<String, Object> variables) {
		return new ComplaintRequest(text(variables, CUSTOMER_ID.name()), text(variables, CUSTOMER_NAME.name()),
				text(variables, CONTACT_PHONE.name()), text(variables, CHANNEL.name()),
				text(variables, COMPLAINANT_TYPE.name()), text(variables, CATEGORY.name()),
				text(variables, DESCRIPTION.name()), text(variables, DEMAND.name()), CLAIM_AMOUNT.from(variables),
				text(variables, PRODUCT_CODE.name()), text(variables, STORE_CODE.name()),
				text(variables, ACCUSED_EMPLOYEE.name()), text(variables, RELATED_CASE_NUMBER.name()),
				REPEAT_COMPLAINT.from(variables), EMOTIONAL.from(variables), BEYOND_AUTHORITY.from(variables),
				BATCH_ISSUE.from(variables), DISTURBANCE.from(variables), REPUTATION_RISK.from(variables),
				flag(variables, ANONYMOUS.name()), text(variables, CONTACT_EMAIL.name()), instant(variables),
				flag(variables, WHOLE_PRODUCT.name()));
	}

	/** The typed complaint; call it on a request that passed validation. */
	public NewComplaint toNewComplaint() {
		return new NewComplaint(blankToNull(this.customerId), blankToNull(this.customerName),
				blankToNull(this.contactPhone), Channel.valueOf(this.channel.trim()),
				ComplainantType.valueOf(this.complainantType.trim()), Category.valueOf(this.category.trim()),
				blankToNull(this.description), Demand.valueOf(this.demand.trim()), this.claimAmount,
				blankToNull(this.productCode), blankToNull(this.storeCode), blankToNull(this.accusedEmployee),
				blankToNull(this.relatedCaseNumber),
				new NewComplaint.Flags(isTrue(this.repeatComplaint), isTrue(this.emotional), isTrue(this.beyondAuthority),
						isTrue(this.batchIssue), isTrue(this.disturbance), isTrue(this.reputationRisk)),
				isTrue(this.anonymous), blankToNull(this.contactEmail), ReceiptTime.Validator.parse(this.receivedAt).orElse(null),
				isTrue(this.wholeProduct));
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.trim();
	}

	private static boolean isTrue(Boolean flag) {
		return Boolean.TRUE.equals(flag);
	}

	// a start form's checkbox sends a boolean; engine REST may send "true"
	private static Boolean flag(Map<String, Object> variables, String name) {
		Object value = variables.get(name);
		if (value instanceof Boolean bool) {
			return bool;
		}
		return (value != null) ? Boolean.valueOf(value.toString().trim()) : null;
	}

	// a start form's date-time field sends text; engine REST may send a typed Date
	private static String instant(Map<String, Object> variables) {
		Object value = variables.get(RECEIVED_AT.name());
		if (value instanceof Date date) {
			return date.toInstant().toString();
		}
		return text(variables, RECEIVED_AT.name());
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
