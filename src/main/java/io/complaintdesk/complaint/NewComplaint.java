package io.complaintdesk.complaint;

import static io.complaintdesk.complaint.ComplaintProcess.*;

import java.time.Instant;

import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;

/**
 * A complaint as the desk takes it in (POLICY §2), checked and typed once at the edge it came
 * through ({@code POST /api/complaints} or the Tasklist start form): absent values are
 * {@code null}, never blank; the flags are plain booleans.
 * @param anonymous POLICY §2 匿名投诉: name and phone may be absent, no callback
 * @param receivedAt when the complaint reached the desk as given (a late letter or fax), {@code null}: now
 * @param wholeProduct the demand to return or exchange is for the whole product (POLICY §4 整体退换)
 */
public record NewComplaint(String customerId, String customerName, String contactPhone, Channel channel,
		ComplainantType complainantType, Category category, String description, Demand demand, Double claimAmount,
		String productCode, String storeCode, String accusedEmployee, String relatedCaseNumber, Flags flags,
		boolean anonymous, String contactEmail, Instant receivedAt, boolean wholeProduct) {

	/** A named complaint received now, without e-mail address. */
	public NewComplaint(String customerId, String customerName, String contactPhone, Channel channel,
			ComplainantType complainantType, Category category, String description, Demand demand,
			Double claimAmount, String productCode, String storeCode, String accusedEmployee,
			String relatedCaseNumber, Flags flags) {
		this(customerId, customerName, contactPhone, channel, complainantType, category, description, demand,
				claimAmount, productCode, storeCode, accusedEmployee, relatedCaseNumber, flags, false, null, null,
				false);
	}

	/** The same complaint by another type of complainant (the customer master's, POLICY §2). */
	public NewComplaint withComplainantType(ComplainantType type) {
		return new NewComplaint(this.customerId, this.customerName, this.contactPhone, this.channel, type,
				this.category, this.description, this.demand, this.claimAmount, this.productCode, this.storeCode,
				this.accusedEmployee, this.relatedCaseNumber, this.flags, this.anonymous, this.contactEmail,
				this.receivedAt, this.wholeProduct);
	}

	/** The circumstances of CONTRACT {@code complaint-level} the intake may already know. */
	public record Flags(boolean repeatComplaint, boolean emotional, boolean beyondAuthority, boolean batchIssue,
			boolean disturbance, boolean reputationRisk) {
	}

	/**
	 * The start variables of {@code complaint-handling} (CONTRACT): absent values left out; the time
	 * of receipt is set as a date by "Take in complaint".
	 */
	public VariableMap toVariables() {
		VariableMap variables = Variables.createVariables();
		putIfPresent(variables, CUSTOMER_ID.name(), this.customerId);
		putIfPresent(variables, CUSTOMER_NAME.name(), this.customerName);
		putIfPresent(variables, CONTACT_PHONE.name(), this.contactPhone);
		CHANNEL.putInto(variables, this.channel);
		COMPLAINANT_TYPE.putInto(variables, this.complainantType);
		CATEGORY.putInto(variables, this.category);
		putIfPresent(variables, DESCRIPTION.name(), this.description);
		DEMAND.putInto(variables, this.demand);
		if (this.claimAmount != null) {
			CLAIM_AMOUNT.putInto(variables, this.claimAmount);
		}
		putIfPresent(variables, PRODUCT_CODE.name(), this.productCode);
		putIfPresent(variables, STORE_CODE.name(), this.storeCode);
		putIfPresent(variables, ACCUSED_EMPLOYEE.name(), this.accusedEmployee);
		putIfPresent(variables, RELATED_CASE_NUMBER.name(), this.relatedCaseNumber);
		ANONYMOUS.putInto(variables, this.anonymous);
		putIfPresent(variables, CONTACT_EMAIL.name(), this.contactEmail);
		WHOLE_PRODUCT.putInto(variables, this.wholeProduct);
		REPEAT_COMPLAINT.putInto(variables, this.flags.repeatComplaint());
		EMOTIONAL.putInto(variables, this.flags.emotional());
		BEYOND_AUTHORITY.putInto(variables, this.flags.beyondAuthority());
		BATCH_ISSUE.putInto(variables, this.flags.batchIssue());
		DISTURBANCE.putInto(variables, this.flags.disturbance());
		REPUTATION_RISK.putInto(variables, this.flags.reputationRisk());
		return variables;
	}

	private static void putIfPresent(VariableMap variables, String name, String value) {
		if (value != null) {
			variables.put(name, value);
		}
	}

}
