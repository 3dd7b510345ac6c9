package io.complaintdesk.customer;

/** What kind of client a customer is (POLICY §2, §8); stored in {@code customer.customer_type}. */
public enum CustomerType {

	/** A consumer buying for themselves (消费者). */
	CONSUMER,

	/** A franchisee or dealer running a store under the brand (加盟商). */
	FRANCHISEE,

	/** A distributor or wholesaler reselling to stores (经销商). */
	DISTRIBUTOR,

	/** A company, school, hospital or hotel buying for its own use (机构客户). */
	INSTITUTION

}
