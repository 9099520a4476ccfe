/**
 * The HTTP API as one signed-in account uses it, for setting up what a test needs (accounts,
 * papers, memberships) without clicking through the UI.
 */
import { request, type APIRequestContext, type APIResponse } from '@playwright/test';
import {
  USER_TOTAL_HEADER,
  type AuditEvent,
  type CreatePaperRequest,
  type CreateUserRequest,
  type PaperRole,
  type PaperSummary,
  type PublicUser,
  type UserListQuery,
} from '@standpunt/shared';

export class StandpuntApi {
  private constructor(private readonly context: APIRequestContext) {}

  /** Signs in with `POST /api/auth/login`; the context keeps the session cookie. */
  static async signIn(
    baseURL: string,
    credentials: { email: string; password: string },
  ): Promise<StandpuntApi> {
    const context = await request.newContext({
      baseURL,
      // The server refuses state-changing requests from any other origin.
      extraHTTPHeaders: { Origin: new URL(baseURL).origin },
    });
    const api = new StandpuntApi(context);
    await api.send('post', '/api/auth/login', credentials);
    return api;
  }

  /** `POST /api/users` (admins only). */
  async createUser(user: CreateUserRequest): Promise<PublicUser> {
    return (await this.send('post', '/api/users', user, 201)) as PublicUser;
  }

  /** `GET /api/users` (admins only): the accounts that match, and how many match in all. */
  async users(query: UserListQuery = {}): Promise<{ users: PublicUser[]; total: number }> {
    const params = Object.fromEntries(
      Object.entries(query).map(([key, value]) => [key, String(value)]),
    );
    const response = await this.context.get('/api/users', { params });
    if (!response.ok())
      throw new Error(`GET /api/users → ${response.status()}: ${await bodyText(response)}`);
    return {
      users: (await response.json()) as PublicUser[],
      total: Number(response.headers()[USER_TOTAL_HEADER.toLowerCase()]),
    };
  }

  /** `POST /api/papers`: the caller becomes the paper's editor. */
  async createPaper(paper: CreatePaperRequest): Promise<PaperSummary> {
    return (await this.send('post', '/api/papers', paper, 201)) as PaperSummary;
  }

  /** A new paper with these people in these roles (the creator is its editor as well). */
  async createPaperWithMembers(
    paper: CreatePaperRequest,
    members: ReadonlyArray<readonly [{ user: { id: string } }, PaperRole]>,
  ): Promise<PaperSummary> {
    const created = await this.createPaper(paper);
    for (const [person, role] of members) await this.setMember(created.id, person.user.id, role);
    return created;
  }

  /** `PUT /api/papers/:id/members/:userId`. */
  async setMember(paperId: string, userId: string, role: PaperRole): Promise<void> {
    await this.send('put', `/api/papers/${paperId}/members/${userId}`, { role });
  }

  /** The audit trail as this account may see it (`GET /api/audit`). */
  async auditEvents(query: Record<string, string> = {}): Promise<AuditEvent[]> {
    const response = await this.context.get('/api/audit', { params: query });
    if (!response.ok())
      throw new Error(`GET /api/audit → ${response.status()}: ${await bodyText(response)}`);
    return (await response.json()) as AuditEvent[];
  }

  async dispose(): Promise<void> {
    await this.context.dispose();
  }

  private async send(
    method: 'post' | 'put',
    url: string,
    data: unknown,
    expectedStatus?: number,
  ): Promise<unknown> {
    const response = await this.context[method](url, { data });
    const ok = expectedStatus === undefined ? response.ok() : response.status() === expectedStatus;
    if (!ok) {
      throw new Error(
        `${method.toUpperCase()} ${url} → ${response.status()}: ${await bodyText(response)}`,
      );
    }
    return response.status() === 204 ? undefined : response.json().catch(() => undefined);
  }
}

async function bodyText(response: APIResponse): Promise<string> {
  return response.text().catch(() => '(no body)');
}
