package io.complaintdesk.complaint;

/** Where a complaint came in (POLICY §2); REGULATOR is the 12315 hotline. */
public enum Channel {

	PHONE, SMS, LETTER, FAX, ONLINE, WALK_IN, REGULATOR, MANUFACTURER, MEDIA

}
