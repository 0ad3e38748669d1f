using Microsoft.AspNetCore.Authorization;

namespace KubeCore.Api.Security;

/// <summary>
/// The authorization policies endpoints name. Write policies never include the auditor; a bendahara passes
/// a group policy only for the group in their token (<see cref="GroupScopeRequirement"/>).
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

    /// <summary>Registers the policies.</summary>
    public static AuthorizationBuilder AddKubeCorePolicies(this AuthorizationBuilder builder) => builder
        .AddPolicy(Read, p => p.RequireRole(Roles.All))
        .AddPolicy(RegistryRead, p => p.RequireRole(Roles.Dinsos, Roles.Pendamping, Roles.Auditor))
        .AddPolicy(Register, p => p.RequireRole(Roles.Dinsos, Roles.Pendamping))
        .AddPolicy(Facilitate, p => p.RequireRole(Roles.Dinsos, Roles.Pendamping))
        .AddPolicy(Administer, p => p.RequireRole(Roles.Dinsos))
        .AddPolicy(GroupRead, p => p.RequireRole(Roles.All).AddRequirements(new GroupScopeRequirement()))
        .AddPolicy(GroupMeetings, p => p.RequireRole(Roles.Dinsos, Roles.Pendamping, Roles.Bendahara).AddRequirements(new GroupScopeRequirement()))
        .AddPolicy(GroupTreasury, p => p.RequireRole(Roles.Bendahara).AddRequirements(new GroupScopeRequirement()))
        .AddPolicy(PendampingWork, p => p.RequireRole(Roles.Dinsos, Roles.Pendamping).AddRequirements(new PendampingScopeRequirement()));
}

/// <summary>A bendahara acts only for the group named in their token; other roles are not scoped.</summary>
public sealed class GroupScopeRequirement : IAuthorizationRequirement
{
    /// <summary>The route value that names the group.</summary>
    public const string RouteValue = "groupId";
}

/// <summary>Checks <see cref="GroupScopeRequirement"/> against the route value <c>groupId</c>.</summary>
public sealed class GroupScopeHandler : AuthorizationHandler<GroupScopeRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, GroupScopeRequirement requirement)
    {
        if (!context.User.IsInRole(Roles.Bendahara))
        {
            context.Succeed(requirement);
            return Task.CompletedTask;
        }
        var route = (context.Resource as HttpContext)?.GetRouteValue(GroupScopeRequirement.RouteValue) as string;
        if (Guid.TryParse(route, out var groupId) && context.User.ScopedGroup() == groupId)
        {
            context.Succeed(requirement);
        }
        return Task.CompletedTask;
    }
}

/// <summary>A pendamping whose token names their pendamping id records only their own work; dinsos is not scoped.</summary>
public sealed class PendampingScopeRequirement : IAuthorizationRequirement
{
    /// <summary>The route value that names the pendamping.</summary>
    public const string RouteValue = "pendampingId";
}

/// <summary>Checks <see cref="PendampingScopeRequirement"/>: a pendamping token must carry the route's <c>pendamping_id</c>.</summary>
public sealed class PendampingScopeHandler : AuthorizationHandler<PendampingScopeRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, PendampingScopeRequirement requirement)
    {
        var route = (context.Resource as HttpContext)?.GetRouteValue(PendampingScopeRequirement.RouteValue) as string;
        if (!context.User.IsInRole(Roles.Pendamping)
            || (Guid.TryParse(route, out var id) && Guid.TryParse(context.User.FindFirst(Roles.PendampingClaim)?.Value, out var own) && own == id))
        {
            context.Succeed(requirement);
        }
        return Task.CompletedTask;
    }
}
