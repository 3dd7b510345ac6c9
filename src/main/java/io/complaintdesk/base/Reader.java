package io.complaintdesk.base;

import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/** Who asks: a user and their groups, as authenticated for the request. */
public record Reader(String userId, Set<String> groups) {

	/** The reader of a request authenticated by Spring Security (authorities are the Camunda groups). */
	public static Reader of(Authentication authentication) {
		if (authentication == null || !authentication.isAuthenticated()) {
			return new Reader(null, Set.of());
		}
		return new Reader(authentication.getName(), authentication.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.collect(Collectors.toUnmodifiableSet()));
	}

	public boolean isIn(String group) {
		return this.groups.contains(group);
	}

	public boolean isAdmin() {
		return isIn(Groups.ADMINS);
	}

}
