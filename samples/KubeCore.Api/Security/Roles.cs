using System.Security.Claims;

namespace KubeCore.Api.Security;

/// <summary>
/// The roles of the API and what each may do. A caller has exactly one role, carried in the bearer
/// token's <c>role</c> claim.
/// <list type="table">
/// <item><term><see cref="Dinsos"/></term><description>Dinas Sosial officer: registers households, forms, verifies and
/// dissolves groups, assigns pendamping, credits aid; reads everything and is the only role that sees full NIK and
/// family-card numbers (PRIV-01).</description></item>
/// <item><term><see cref="Pendamping"/></term><description>Facilitator: registers households, runs wealth ranking, forms
/// groups, records meetings and facilitation reports; reads everything, personal numbers masked.</description></item>
/// <item><term><see cref="Bendahara"/></term><description>A group's treasurer, scoped by the token's <c>group_id</c> claim to
/// that one group: posts its savings, loans and repayments and records its meetings; reads only that group.</description></item>
/// <item><term><see cref="Auditor"/></term><description>Read-only access to everything, personal numbers masked.</description></item>
/// </list>
/// </summary>
public static class Roles
{
    /// <summary>Dinas Sosial officer.</summary>
    public const string Dinsos = "dinsos";

    /// <summary>Pendamping (facilitator).</summary>
    public const string Pendamping = "pendamping";

    /// <summary>Bendahara (treasurer) of one group.</summary>
    public const string Bendahara = "bendahara";

    /// <summary>Auditor (read-only).</summary>
    public const string Auditor = "auditor";

    /// <summary>Every role.</summary>
    public static IReadOnlyList<string> All { get; } = [Dinsos, Pendamping, Bendahara, Auditor];

    /// <summary>The claim naming the caller's role.</summary>
    public const string RoleClaim = "role";

    /// <summary>The claim naming the caller (subject).</summary>
    public const string SubjectClaim = "sub";

    /// <summary>The claim naming the one group a bendahara acts for.</summary>
    public const string GroupClaim = "group_id";

    /// <summary>The claim naming the pendamping a facilitator is.</summary>
    public const string PendampingClaim = "pendamping_id";

    /// <summary>True when the caller may see full NIK and family-card numbers (PRIV-01): the Dinas Sosial officer only.</summary>
    public static bool MayRevealPersonalData(this ClaimsPrincipal user) => user.IsInRole(Dinsos);

    /// <summary>The caller's subject, or <c>anonymous</c>.</summary>
    public static string Subject(this ClaimsPrincipal user) => user.FindFirstValue(SubjectClaim) ?? "anonymous";
}
