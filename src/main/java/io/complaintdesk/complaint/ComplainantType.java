package io.complaintdesk.complaint;

/**
 * Who complains (POLICY §2): a consumer, a franchisee/dealer, and the business clients the customer
 * master knows besides them, distributors and institutions (customer.CustomerType has the same names).
 */
public enum ComplainantType {

	CONSUMER, FRANCHISEE, DISTRIBUTOR, INSTITUTION

}
