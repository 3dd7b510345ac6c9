package io.complaintdesk.base;

/**
 * An exception whose message a person reads (a refusal of their input or of their work): its
 * {@link Text}, which the edge that answers — the project API, engine REST, Tasklist's engine API —
 * writes in the reader's language. {@link Throwable#getMessage()} stays English, for logs.
 */
public interface Translatable {

	/** What the person reads, before it is written in their language; {@code null} after deserialization. */
	Text text();

}
