package io.complaintdesk.system;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A bean that attack payloads call ({@code ${attackCanary.touch()}}): it counts every call, so a
 * test sees whether the server ran an expression. Public, as JUEL calls only public methods of
 * public classes.
 */
public class AttackCanary {

	final AtomicInteger calls = new AtomicInteger();

	public String touch() {
		this.calls.incrementAndGet();
		return "agent1";
	}

}
