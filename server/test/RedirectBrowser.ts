/**
 * What a browser does in a sign-in through a provider, and no more: follows redirects from
 * one site to the other, and keeps each site's cookies (by host name, as browsers do; paths
 * and expiry are honoured only as far as "a cookie set empty or expired is gone").
 */

export interface Navigation {
  /** Where the browser stopped: the first redirect target `stopAt` accepted. */
  stoppedAt: URL;
  /** Every URL requested, in order. */
  visited: URL[];
}

const MAX_HOPS = 20;

export class RedirectBrowser {
  readonly #jar = new Map<string, Map<string, string>>();

  /** The cookie `name` this browser holds for `url`'s host. */
  cookie(url: string | URL, name: string): string | undefined {
    return this.#jar.get(new URL(url).hostname)?.get(name);
  }

  /** The Cookie header this browser sends to `url`. */
  cookieHeader(url: string | URL): string {
    const cookies = this.#jar.get(new URL(url).hostname) ?? new Map<string, string>();
    return [...cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  /** One GET, as a navigation: cookies sent and kept, the redirect not followed. */
  async get(url: string | URL, cookieHeader = this.cookieHeader(url)): Promise<Response> {
    const response = await fetch(url, {
      redirect: 'manual',
      headers: cookieHeader ? { Cookie: cookieHeader } : {},
    });
    this.#keep(new URL(url), response.headers.getSetCookie());
    return response;
  }

  /**
   * Goes to `url` and follows every redirect until one leads to where `stopAt` says (that
   * one is not requested). Throws on an answer that is no redirect.
   */
  async follow(url: string | URL, stopAt: (next: URL) => boolean): Promise<Navigation> {
    const visited: URL[] = [];
    let current = new URL(url);
    for (let hop = 0; hop < MAX_HOPS; hop++) {
      visited.push(current);
      const response = await this.get(current);
      const location = response.headers.get('location');
      await response.arrayBuffer();
      if (response.status < 300 || response.status > 399 || !location) {
        throw new Error(`${current.href} answered ${response.status}, not a redirect`);
      }
      const next = new URL(location, current);
      if (stopAt(next)) return { stoppedAt: next, visited };
      current = next;
    }
    throw new Error(`more than ${MAX_HOPS} redirects from ${String(url)}`);
  }

  #keep(url: URL, setCookies: string[]): void {
    const cookies = this.#jar.get(url.hostname) ?? new Map<string, string>();
    this.#jar.set(url.hostname, cookies);
    for (const line of setCookies) {
      const [pair = '', ...attributes] = line.split(';').map((part) => part.trim());
      const at = pair.indexOf('=');
      const [name, value] = [pair.slice(0, at), pair.slice(at + 1)];
      const expired = attributes.some((attribute) => {
        const [key = '', setting = ''] = attribute.split('=');
        if (key.toLowerCase() === 'max-age') return Number(setting) <= 0;
        if (key.toLowerCase() === 'expires') return Date.parse(setting) <= Date.now();
        return false;
      });
      if (value === '' || expired) cookies.delete(name);
      else cookies.set(name, value);
    }
  }
}
