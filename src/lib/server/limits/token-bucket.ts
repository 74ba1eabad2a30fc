/**
 * Token buckets by key (a device, an address, a map): `burst` requests at
 * once, then `perSecond` more each second. In memory, so a restart forgets
 * them, and at most `maxKeys` are kept (full buckets are dropped first).
 */
export class RateLimiter {
	private buckets = new Map<string, { tokens: number; at: number }>();
	constructor(
		readonly burst: number,
		readonly perSecond: number,
		private readonly maxKeys = 100_000
	) {}

	/** Take a token for `key`: false when there is none. */
	allow(key: string, now: number): boolean {
		const b = this.bucket(key, now);
		if (b.tokens < 1) return false;
		b.tokens -= 1;
		return true;
	}

	/** How long until `key` has a token (0: it has one now); takes nothing. */
	waitMs(key: string, now: number): number {
		const tokens = this.bucket(key, now).tokens;
		return tokens >= 1 ? 0 : Math.ceil(((1 - tokens) / this.perSecond) * 1000);
	}

	private bucket(key: string, now: number) {
		let b = this.buckets.get(key);
		if (!b) {
			if (this.buckets.size >= this.maxKeys) this.prune(now);
			b = { tokens: this.burst, at: now };
			this.buckets.set(key, b);
		}
		b.tokens = Math.min(this.burst, b.tokens + (Math.max(0, now - b.at) / 1000) * this.perSecond);
		b.at = Math.max(b.at, now);
		return b;
	}

	/** Forget buckets that are full again. */
	private prune(now: number) {
		for (const [key, b] of this.buckets)
			if (b.tokens + ((now - b.at) / 1000) * this.perSecond >= this.burst) this.buckets.delete(key);
	}
}
