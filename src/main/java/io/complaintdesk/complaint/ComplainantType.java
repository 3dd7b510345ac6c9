package io.complaintdesk.complaint;

/** Who complains (POLICY §2): a consumer or a franchisee/dealer. */
public enum ComplainantType {

	CONSUMER, FRANCHISEE

}
