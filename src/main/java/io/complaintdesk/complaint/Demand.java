package io.complaintdesk.complaint;

/** What the customer asks for (POLICY §2). */
public enum Demand {

	REPAIR, REPLACE, RETURN, REFUND, COMPENSATION, APOLOGY, EXPLANATION

}
