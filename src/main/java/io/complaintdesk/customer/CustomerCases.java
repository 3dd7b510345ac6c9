package io.complaintdesk.customer;

/**
 * Whether a user handles a case of a customer (POLICY §9: such a user needs the customer's
 * contact details). The customer master asks; the complaint package, which knows the cases,
 * answers.
 */
public interface CustomerCases {

	boolean handlesCaseOf(String user, String customerId);

}
