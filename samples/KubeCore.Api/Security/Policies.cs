using Microsoft.AspNetCore.Authorization;

namespace KubeCore.Api.Security;

/// <summary>
/// The authorization policies endpoints name. Write policies never include the auditor; a bendahara passes
/// a group policy only for the group in their token (<see cref="ScopeRequirement.Group"/>).
/// </summary>
public static class Policies
{
    /// <summary>Any role may read (a bendahara: only their own group, via <see cref="GroupRead"/>).</summary>
    public const string Read = "read";

    /// <summary>Read the household registry (personal data, masked or not): dinsos, pendamping, auditor.</summary>
    public const string RegistryRead = "registry-read";

    /// <summary>Register households and run wealth ranking: dinsos, pendamping.</summary>
    public const string Register = "register";

    /// <summary>Form groups, elect officers, record facilitation: dinsos, pendamping.</summary>
    public const string Facilitate = "facilitate";

    /// <summary>Verify and dissolve groups, assign pendamping, credit aid: dinsos.</summary>
    public const string Administer = "administer";

    /// <summary>Read one group (route value <c>groupId</c>): every role, a bendahara only their own group.</summary>
    public const string GroupRead = "group-read";

    /// <summary>Record a group's meetings (route value <c>groupId</c>): dinsos, pendamping, the group's bendahara.</summary>
    public const string GroupMeetings = "group-meetings";

    /// <summary>Move a group's money: savings, loans, repayments (route value <c>groupId</c>): the group's bendahara only.</summary>
    public const string GroupTreasury = "group-treasury";

    /// <summary>Record a pendamping's own work (route value <c>pendampingId</c>): dinsos, or the pendamping whose token names that id.</summary>
    public const string PendampingWork = "pendamping-work";

    // Each policy: the roles it admits, the scope it holds a scoped role to, and who that is in the OpenAPI document's words.
    private static readonly (string Name, string[] Roles, ScopeRequirement? Scope, string Audience)[] Table =
    [
        (Read, [.. Roles.All], null, "any role"),
        (RegistryRead, [Roles.Dinsos, Roles.Pendamping, Roles.Auditor], null, "dinsos, pendamping or auditor"),
        (Register, [Roles.Dinsos, Roles.Pendamping], null, "dinsos or pendamping"),
        (Facilitate, [Roles.Dinsos, Roles.Pendamping], null, "dinsos or pendamping"),
        (Administer, [Roles.Dinsos], null, "dinsos"),
        (GroupRead, [.. Roles.All], ScopeRequirement.Group, "any role; a bendahara only for their own group"),
        (GroupMeetings, [Roles.Dinsos, Roles.Pendamping, Roles.Bendahara], ScopeRequirement.Group, "dinsos, pendamping or the group's own bendahara"),
        (GroupTreasury, [Roles.Bendahara], ScopeRequirement.Group, "the group's own bendahara"),
        (PendampingWork, [Roles.Dinsos, Roles.Pendamping], ScopeRequirement.Pendamping, "dinsos, or the pendamping the path names"),
    ];

    /// <summary>Who may call an endpoint under each policy, in words (the OpenAPI document says it on every operation).</summary>
    public static IReadOnlyDictionary<string, string> Audience { get; } = Table.ToDictionary(p => p.Name, p => p.Audience);

    /// <summary>Registers the policies.</summary>
    public static AuthorizationBuilder AddKubeCorePolicies(this AuthorizationBuilder builder) =>
        Table.Aggregate(builder, (b, p) => b.AddPolicy(p.Name, policy => policy.RequireRole(p.Roles).AddRequirements(p.Scope is null ? [] : [p.Scope])));
}

/// <summary>
/// A caller in <paramref name="Role"/> acts only for the resource whose id (route value <paramref name="RouteValue"/>) their
/// token's <paramref name="Claim"/> names; other roles are not scoped.
/// </summary>
/// <param name="Role">The scoped role.</param>
/// <param name="Claim">The claim naming the one resource that role acts for.</param>
/// <param name="RouteValue">The route value naming the resource.</param>
public sealed record ScopeRequirement(string Role, string Claim, string RouteValue) : IAuthorizationRequirement
{
    /// <summary>A bendahara acts only for the group of their token (<c>group_id</c>, route value <c>groupId</c>).</summary>
    public static ScopeRequirement Group { get; } = new(Roles.Bendahara, Roles.GroupClaim, "groupId");

    /// <summary>A pendamping whose token names their pendamping id records only their own work (route value <c>pendampingId</c>).</summary>
    public static ScopeRequirement Pendamping { get; } = new(Roles.Pendamping, Roles.PendampingClaim, "pendampingId");
}

/// <summary>Checks a <see cref="ScopeRequirement"/> against the request's route.</summary>
public sealed class ScopeHandler : AuthorizationHandler<ScopeRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ScopeRequirement requirement)
    {
        var route = (context.Resource as HttpContext)?.GetRouteValue(requirement.RouteValue) as string;
        if (!context.User.IsInRole(requirement.Role)
            || (Guid.TryParse(route, out var id) && Guid.TryParse(context.User.FindFirst(requirement.Claim)?.Value, out var own) && own == id))
        {
            context.Succeed(requirement);
        }
        return Task.CompletedTask;
    }
}
