package io.complaintdesk.complaint;

/** What the complaint is about (CONTRACT, complaint-level input). */
public enum Category {

	PRODUCT_QUALITY, DELIVERY, SERVICE_ATTITUDE, SERVICE_QUALITY, POLICY, DEPARTMENT_INACTION, ORDER_MISMATCH, OTHER

}
