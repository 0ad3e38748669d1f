using KubeCore.Common;
using KubeCore.Groups;
using KubeCore.Households;
using KubeCore.Tests.Builders;
using KubeCore.Tests.Conventions;
using NodaTime;

namespace KubeCore.Tests.Examples;

/// <summary>
/// What the group and officer runners share: a group proposed on <c>proposed_on</c> (default 1 October 2019, when every
/// built-in profile is in force) in Kelurahan Pahandut (62.71.01.1001) with <c>members</c> eligible founders (default the
/// profile's minimum; the first founder is named "Siti Aminah", the others "Anggota 2", "Anggota 3", …), formed a week
/// later (officers: founders 1, 2 and 3 as ketua, sekretaris and bendahara, elected by all), verified on day 30 and
/// activated on day 31.
/// </summary>
internal static class GroupRows
{
    /// <summary>The default proposal date.</summary>
    public static readonly LocalDate DefaultProposedOn = new(2019, 10, 1);

    /// <summary>The name of the first founder.</summary>
    public const string FirstFounderName = "Siti Aminah";

    /// <summary>The group's seat unless the row gives <c>group_seat</c>.</summary>
    public static RegionCode Seat(WorkedExample row) => RegionCode.Parse(row.Text("group_seat", "62.71.01.1001"));

    /// <summary>The proposal date of the row.</summary>
    public static LocalDate ProposedOn(WorkedExample row) => row.Date("proposed_on", DefaultProposedOn);

    /// <summary>A builder with the row's profile, date, seat and founders (<c>members</c>, of whom <c>women</c> are women, default all).</summary>
    public static GroupBuilder Builder(WorkedExample row)
    {
        var profile = row.ProgramProfile;
        var proposedOn = ProposedOn(row);
        var count = row.Int("members", profile.Membership.MinMembers);
        var women = row.Int("women", count);
        var seat = Seat(row);
        var founders = Enumerable.Range(0, count)
            .Select(i => DossierBuilder.On(proposedOn).LivingIn(seat).WithSex(i < women ? Sex.Female : Sex.Male)
                .Named(i == 0 ? FirstFounderName : $"Anggota {i + 1}").Build())
            .ToList();
        return GroupBuilder.For(profile).ProposedOn(proposedOn).In(seat).WithFounders(founders);
    }

    /// <summary>An eligible newcomer living at the group's seat, as of <paramref name="on"/>.</summary>
    public static MemberDossier Newcomer(Group group, LocalDate on, Sex sex = Sex.Female) =>
        DossierBuilder.On(on).LivingIn(group.Desa).WithSex(sex).Build();

    /// <summary>Fresh dossiers for every current member (for a verification).</summary>
    public static VerifyGroup Verification(GroupBuilder builder, Group group, LocalDate on) => builder.Verification(group, on);
}
