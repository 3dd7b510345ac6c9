package io.complaintdesk.complaint;

/** How the callback was made (POLICY §6); a visit needs the customer's signature. */
public enum CallbackMode {

	PHONE, VISIT

}
