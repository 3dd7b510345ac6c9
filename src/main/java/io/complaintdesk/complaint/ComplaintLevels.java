package io.complaintdesk.complaint;

import org.springframework.stereotype.Component;

/**
 * The complaint levels of POLICY §4 (一级, 二级, 三级): the one place that knows the highest.
 * The model asks it ({@code ${complaintLevels.isHighest(level)}}) where a dissatisfied customer
 * either raises the case a level or takes it to the general manager's meeting.
 */
@Component("complaintLevels")
public class ComplaintLevels {

	public static final int HIGHEST = 3;

	public boolean isHighest(int level) {
		return level >= HIGHEST;
	}

	/**
	 * POLICY §3: the level never goes down within a case. A decision taken again (at verification)
	 * may raise the level the case already has, never lower it; {@code current} is null before the
	 * first classification.
	 */
	public static int floor(int decided, Integer current) {
		return (current != null) ? Math.max(decided, current) : decided;
	}

	/** POLICY §3: once major (brand and legal were warned), a case stays major. */
	public static boolean floor(boolean decided, Boolean current) {
		return decided || Boolean.TRUE.equals(current);
	}

}
