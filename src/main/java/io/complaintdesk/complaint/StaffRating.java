package io.complaintdesk.complaint;

/** How the customer rates the service staff on one dimension (POLICY §6). */
public enum StaffRating {

	VERY_SATISFIED, SATISFIED, FAIR, POOR

}
