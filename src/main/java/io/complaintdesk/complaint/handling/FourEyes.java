package io.complaintdesk.complaint.handling;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

import io.complaintdesk.base.Groups;
import io.complaintdesk.engine.Privileged;

/**
 * POLICY §5 four eyes: the handler never approves or reviews their own proposal. When nobody in the
 * group the tables chose may do it (its only members are the round's handler or the employee the
 * case is about), it goes one level up: supervisors → directors → general manager.
 */
@Component
class FourEyes {

	/** The chain of authority, lowest first (POLICY §1, §5 核决权限). */
	static final List<String> CHAIN = List.of(Groups.SUPERVISORS, Groups.DIRECTORS, Groups.GM);

	private final IdentityService identity;

	private final Privileged privileged;

	FourEyes(IdentityService identity, Privileged privileged) {
		this.identity = identity;
		this.privileged = privileged;
	}

	/**
	 * The group itself when someone in it besides {@code handler} and {@code accused} may act, else
	 * the first group above it in {@link #CHAIN} where someone may; the top of the chain otherwise.
	 */
	String groupFor(String group, String handler, String accused) {
		int index = CHAIN.indexOf(group);
		String candidate = group;
		while (!hasSomeoneBesides(candidate, handler, accused) && index >= 0 && index + 1 < CHAIN.size()) {
			candidate = CHAIN.get(++index);
		}
		return candidate;
	}

	private boolean hasSomeoneBesides(String group, String handler, String accused) {
		List<User> members = this.privileged
			.run(() -> this.identity.createUserQuery().memberOfGroup(group).unlimitedList());
		return members.stream().map(User::getId).anyMatch((id) -> !id.equals(handler) && !id.equals(accused));
	}

}
