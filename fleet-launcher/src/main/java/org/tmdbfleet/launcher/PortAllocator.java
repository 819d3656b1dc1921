package org.tmdbfleet.launcher;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Free local ports, for fleets started by tests beside whatever else runs on the machine. */
public final class PortAllocator {

	private int next;

	public PortAllocator(int from) {
		this.next = from;
	}

	/** A range that starts somewhere between 20000 and 50000, so parallel runs rarely meet. */
	public static PortAllocator random() {
		return new PortAllocator(20_000 + (int) (Math.random() * 30_000));
	}

	int next() {
		return nextBlock(1);
	}

	/** The first of {@code size} consecutive free ports. */
	int nextBlock(int size) {
		while (true) {
			int first = next;
			next += size;
			boolean free = true;
			for (int port = first; port < first + size && free; port++) {
				free = isFree(port);
			}
			if (free) {
				return first;
			}
		}
	}

	static boolean isFree(int port) {
		try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
			socket.setReuseAddress(true);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

}
