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

	/**
	 * A range that starts somewhere between 10000 and 30000, so parallel runs rarely meet — below
	 * the kernel's ephemeral ports (Linux: from 32768), which outgoing connections take at any
	 * moment: a port found free there was once taken by a Kafka client before its service bound it.
	 */
	public static PortAllocator random() {
		return new PortAllocator(10_000 + (int) (Math.random() * 20_000));
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
