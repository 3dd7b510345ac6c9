package io.complaintdesk.complaint;

import static io.complaintdesk.complaint.ComplaintProcess.*;

import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;

/**
 * A complaint as the desk takes it in (POLICY §2), checked and typed once at the edge it came
 * through ({@code POST /api/complaints} or the Tasklist start form): absent values are
 * {@code null}, never blank; the flags are plain booleans.
 */
public record NewComplaint(String customerId, String customerName, String contactPhone, Channel channel,
		ComplainantType complainantType, Category category, String description, Demand demand, Double claimAmount,
		String productCode, String storeCode, String accusedEmployee, String relatedCaseNumber, Flags flags) {

	/** The circumstances of CONTRACT {@code complaint-level} the intake may already know. */
	public record Flags(boolean repeatComplaint, boolean emotional, boolean beyondAuthority, boolean batchIssue,
			boolean disturbance, boolean reputationRisk) {
	}

	/** The start variables of {@code complaint-handling} (CONTRACT): absent values left out. */
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
