// A small client of the reference API's main flow, written against the types openapi-typescript generates from
// /openapi/v1.json (generated/kubecore-api.d.ts). scripts/openapi-check.sh type-checks it (tsc, strict): a request
// body the document does not accept, a success status it does not declare, or an answer without the fields read
// here fails the check. It is not run; the API's own tests drive the same flow over HTTP.
import type { components, paths } from "./generated/kubecore-api";

type Schemas = components["schemas"];
type Method = "get" | "post" | "put";
type Operation<P extends keyof paths, M extends Method> = paths[P][M];
type JsonBody<O> = O extends { requestBody: { content: { "application/json": infer B } } }
  ? B
  : O extends { requestBody?: { content: { "application/json": infer B } } }
    ? B
    : undefined;
type Answer<O, S extends number> = O extends { responses: infer R }
  ? S extends keyof R
    ? R[S] extends { content: { "application/json": infer A } }
      ? A
      : never
    : never
  : never;
/** An answer the document does not type (no such status, or no JSON body) becomes a string, so reading a field of it fails. */
type Typed<A> = [A] extends [never] ? "the document declares no JSON body for this status" : A;

export class KubeCoreClient {
  constructor(
    private readonly baseUrl: string,
    private readonly bearer?: string,
  ) {}

  /** The same API with another bearer token. */
  as(token: string): KubeCoreClient {
    return new KubeCoreClient(this.baseUrl, token);
  }

  async call<P extends keyof paths, M extends Method, S extends number>(
    method: M,
    path: P,
    status: S,
    parameters: Record<string, string>,
    body: JsonBody<Operation<P, M>>,
    idempotencyKey?: string,
  ): Promise<Typed<Answer<Operation<P, M>, S>>> {
    const url = String(path).replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(parameters[name] ?? ""));
    const headers: Record<string, string> = { Accept: "application/json", "Accept-Language": "en" };
    if (this.bearer) headers.Authorization = `Bearer ${this.bearer}`;
    if (idempotencyKey) headers["Idempotency-Key"] = idempotencyKey;
    if (body !== undefined) headers["Content-Type"] = "application/json";
    const response = await fetch(this.baseUrl + url, {
      method: method.toUpperCase(),
      headers,
      body: body === undefined ? null : JSON.stringify(body),
    });
    if (response.status !== status) {
      const problem = (await response.json()) as Schemas["ProblemDetails"];
      throw new Error(`${method.toUpperCase()} ${url}: ${response.status} ${problem.errorCode}: ${problem.detail ?? problem.title}`);
    }
    return (await response.json()) as Typed<Answer<Operation<P, M>, S>>;
  }

  /** A Development token for a role (a bendahara's names their group). */
  async devToken(role: string, groupId?: string): Promise<string> {
    const answer = await this.call("post", "/dev/tokens", 200, {}, { subject: `client-${role}`, role, groupId: groupId ?? null });
    return answer.accessToken;
  }
}

/** Five members' households → group (KSM) → officers → initial meeting, verification, activation → books → deposit → loan. */
export async function mainFlow(anonymous: KubeCoreClient, key: () => string): Promise<{ group: Schemas["GroupView"]; deposit: Schemas["PostingView"]; loan: Schemas["LoanView"] }> {
  const pendamping = anonymous.as(await anonymous.devToken("pendamping"));
  const dinsos = anonymous.as(await anonymous.devToken("dinsos"));
  const desa: Schemas["RegionCode"] = "62.71.01.1001";

  const members: Schemas["PersonView"][] = [];
  for (let i = 0; i < 5; i++) {
    const person: Schemas["NewPerson"] = {
      name: `Anggota ${i + 1}`,
      nik: `62710141${String(10 + i).padStart(2, "0")}9000${String(i + 1).padStart(2, "0")}`,
      sex: "Female",
      birthDate: `19${90 - i}-01-${String(10 + i).padStart(2, "0")}`,
      role: "Head",
      employment: "Trader",
    };
    const household = await pendamping.call("post", "/households", 201, {}, {
      familyCard: `627101${String(1_000_000_000 + i)}`,
      desa,
      size: 4,
      persons: [person],
      evidence: { onPs2List: true },
    }, key());
    members.push(household.persons[0]);
  }

  const proposed = await pendamping.call("post", "/groups", 201, {}, {
    profile: "KsmP2kp",
    name: "KSM Maju Bersama",
    desa,
    proposedOn: "2024-01-08",
    initialMeetingOn: "2024-01-15",
    founders: members.map((m) => ({ personId: m.id, consentGivenOn: "2024-01-08" })),
  }, key());
  const groupId = { groupId: proposed.id };
  const [ketua, sekretaris, bendahara] = members;
  await pendamping.call("post", "/groups/{groupId}/officer-elections", 200, groupId, {
    electedOn: "2024-01-15",
    ketua: ketua.id,
    sekretaris: sekretaris.id,
    bendahara: bendahara.id,
    decidedBy: members.map((m) => m.id),
  });
  await pendamping.call("post", "/groups/{groupId}/initial-meeting", 200, groupId, { date: "2024-01-15" });
  await dinsos.call("post", "/groups/{groupId}/verification", 200, groupId, {
    verifierName: "Petugas Dinsos",
    agency: "Dinas Sosial Kota Palangka Raya",
    verifiedOn: "2024-01-22",
  });
  const group = await dinsos.call("post", "/groups/{groupId}/activation", 200, groupId, { date: "2024-01-22" });
  if (group.status !== "Active") throw new Error(`the group is ${group.status}`);

  const treasurer = anonymous.as(await anonymous.devToken("bendahara", group.id));
  await treasurer.call("post", "/groups/{groupId}/books", 201, groupId, { openedOn: "2024-01-22" }, key());
  const deposit = await treasurer.call("post", "/groups/{groupId}/savings/deposits", 201, groupId, {
    member: ketua.id,
    date: "2024-01-22",
    amount: 25_000,
  }, key());
  const saved: number = deposit.balances.memberSavingsTotal;
  if (saved < 25_000 || deposit.entries.length === 0) throw new Error("the deposit was not booked");

  const application = await treasurer.call("post", "/groups/{groupId}/loans", 201, groupId, {
    member: sekretaris.id,
    principal: 500_000,
    termMonths: 10,
    frequency: "Monthly",
    purpose: "Modal warung",
    appliedOn: "2024-01-29",
  }, key());
  const current = await treasurer.call("get", "/groups/{groupId}", 200, groupId, undefined);
  return { group: current, deposit, loan: application.loan };
}
