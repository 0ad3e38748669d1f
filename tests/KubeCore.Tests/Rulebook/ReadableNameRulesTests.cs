using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using KubeCore.Common;
using KubeCore.Facilitation;
using KubeCore.Groups;
using KubeCore.Households;
using KubeCore.Rules;
using KubeCore.Tests.Builders;
using NodaTime;
using Shouldly;

namespace KubeCore.Tests.RulebookProperties;

/// <summary>Where a name enters KubeCore.</summary>
public enum NameEntry
{
    Person,
    Group,
    Pendamping,
}

/// <summary>A name made only of invisible characters, with at least one that is not white space.</summary>
public sealed record InvisibleName(NameEntry Entry, string Name);

/// <summary>
/// A blank text: nothing, white space, or white space and invisible characters only (never a control character, which
/// MEM-07 refuses as unreadable rather than empty). The one definition of blank that names and reasons share.
/// </summary>
public sealed record BlankText(string Text);

/// <summary>A blank text (see <see cref="BlankText"/>) given as a name where <see cref="Entry"/> says.</summary>
public sealed record BlankName(NameEntry Entry, string Text);

/// <summary>A readable name with one unreadable character (control, line break, bidi override or isolate) inserted.</summary>
public sealed record PollutedName(NameEntry Entry, string Name, int CodePoint);

/// <summary>A name of <see cref="Length"/> code points (letters, some outside the BMP) against the limit.</summary>
public sealed record SizedName(NameEntry Entry, string Name, int Length);

public static class ReadableNameArbitraries
{
    private static readonly Gen<NameEntry> Entries = Gen.Elements(Enum.GetValues<NameEntry>());

    // Zero-width space, zero-width non-joiner and joiner, word joiner, BOM, soft hyphen, LRM, combining acute, Hangul filler, Braille blank.
    private static readonly string[] Invisible = ["\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF", "\u00AD", "\u200E", "\u0301", "\u3164", "\u2800"];
    private static readonly string[] Blank = [" ", "\u00A0", "\u3000"];

    // NUL, BEL, ESC, DEL, a C1 control, line and paragraph separators, the bidi embeddings/overrides and isolates.
    private static readonly int[] Unreadable = [0x00, 0x07, 0x1B, 0x7F, 0x85, 0x2028, 0x2029, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069];

    // Letters of Indonesian names, and two outside the Basic Multilingual Plane (two UTF-16 units, one code point).
    private static readonly string[] Letters = ["a", "S", "i", "t", "é", "ñ", "\U0001D4D0", "\U00020000"];

    public static Arbitrary<InvisibleName> InvisibleName() =>
        (from entry in Entries
         from parts in Gen.ArrayOf(Gen.Elements(Invisible.Concat(Blank).ToArray()))
         from must in Gen.Elements(Invisible)
         from at in Gen.Choose(0, parts.Length)
         select new InvisibleName(entry, string.Concat(parts.Take(at)) + must + string.Concat(parts.Skip(at)))).ToArbitrary();

    public static Arbitrary<BlankText> BlankText() =>
        // At most 40 characters, so that the text twice around one letter is still a name of at most 100 code points.
        (from count in Gen.Choose(0, 40)
         from parts in Gen.ArrayOf(Gen.Elements(Blank.Concat(Blank).Concat(Invisible).ToArray()), count)
         select new BlankText(string.Concat(parts))).ToArbitrary();

    public static Arbitrary<BlankName> BlankName() =>
        (from entry in Entries
         from blank in BlankText().Generator
         select new BlankName(entry, blank.Text)).ToArbitrary();

    public static Arbitrary<PollutedName> PollutedName() =>
        (from entry in Entries
         from code in Gen.Elements(Unreadable)
         from at in Gen.Choose(1, 10)
         let name = "Siti Rahayu"
         select new PollutedName(entry, name[..at] + char.ConvertFromUtf32(code) + name[at..], code)).ToArbitrary();

    public static Arbitrary<SizedName> SizedName() =>
        (from entry in Entries
         from length in Gen.Frequency((3, Gen.Choose(99, 101)), (1, Gen.Choose(1, 98)), (1, Gen.Choose(102, 10_000)))
         from letters in Gen.ArrayOf(Gen.Elements(Letters), length)
         select new SizedName(entry, string.Concat(letters), length)).ToArbitrary();
}

/// <summary>
/// MEM-07: a person's, a group's and a pendamping's name is text a person can read: normalised (NFC, trimmed), not
/// empty once invisible characters are removed, without control or bidi-override characters, at most the stated length
/// (default 100 code points). New registrations only: stored names still load.
/// </summary>
public sealed class ReadableNameRulesTests
{
    private static readonly LocalDate Today = new(2025, 3, 3);

    /// <summary>Registers <paramref name="name"/> where <paramref name="entry"/> says; returns the stored name.</summary>
    private static string Register(NameEntry entry, string name) => entry switch
    {
        NameEntry.Person => DossierBuilder.On(Today).Build().Person is var p
            ? Person.Register(PersonId.New(), p.HouseholdId, name, p.Nik, p.Sex, p.BirthDate, p.Role, p.Employment).Name
            : throw new InvalidOperationException(),
        NameEntry.Group => GroupBuilder.For(ProgramProfiles.KubePermensos2019).Named(name).Build().Name,
        _ => Pendamping.Appoint(PendampingId.New(), name, ProgramProfiles.KubePermensos2019, Today).Name,
    };

    private static RuleViolation? RefusalOf(NameEntry entry, string name)
    {
        try
        {
            Register(entry, name);
            return null;
        }
        catch (RuleViolationException e)
        {
            return e.Violations.Single(v => v.RuleId == RuleIds.Mem07);
        }
    }

    [Fact]
    [Trait("Rule", "MEM-07")]
    public void A_name_with_an_unpaired_surrogate_is_refused_with_a_coded_violation_and_a_paired_one_is_accepted()
    {
        var unpaired = ReadableName.Check("Siti \uD83D Aminah", ReadableName.DefaultMaxLength, out var refusedAs);
        var paired = ReadableName.Check("Siti \uD83D\uDE00 Aminah", ReadableName.DefaultMaxLength, out var acceptedAs);

        unpaired.ShouldNotBeNull().RuleId.ShouldBe(RuleIds.Mem07);
        refusedAs.ShouldBeNull();
        paired.ShouldBeNull();
        acceptedAs.ShouldNotBeNull();
    }

    [Property(MaxTest = 200, Arbitrary = [typeof(ReadableNameArbitraries)])]
    [Trait("Rule", "MEM-07")]
    public bool A_name_of_only_invisible_characters_is_refused_wherever_a_name_enters(InvisibleName n) =>
        RefusalOf(n.Entry, n.Name)?.ErrorCode == CommonErrors.NameEmpty;

    [Property(MaxTest = 200, Arbitrary = [typeof(ReadableNameArbitraries)])]
    [Trait("Rule", "MEM-07")]
    public bool A_person_group_or_pendamping_named_with_nothing_or_only_white_space_and_invisible_characters_is_refused_as_empty_and_one_visible_letter_makes_it_a_name(BlankName blank) =>
        RefusalOf(blank.Entry, blank.Text) is { ErrorCode: CommonErrors.NameEmpty }
        && RefusalOf(blank.Entry, blank.Text + "S" + blank.Text) is null;

    [Fact]
    [Trait("Rule", "MEM-07")]
    public void A_person_group_or_pendamping_given_an_empty_or_white_space_name_is_refused_with_a_coded_violation_not_an_argument_exception()
    {
        foreach (var entry in Enum.GetValues<NameEntry>())
        {
            foreach (var blank in new[] { string.Empty, " ", "   ", "\t", "\u00A0\u3000", " \u200B " })
            {
                RefusalOf(entry, blank).ShouldNotBeNull($"{entry} '{blank}'").ErrorCode.ShouldBe(CommonErrors.NameEmpty);
            }
            Register(entry, " S ").ShouldBe("S");
            Should.Throw<ArgumentNullException>(() => Register(entry, null!));
        }
    }

    [Fact]
    [Trait("Rule", "MEM-07")]
    public void A_proposal_with_a_blank_name_is_rejected_with_MEM_07_reported_together_with_its_other_violations()
    {
        var command = GroupBuilder.For(ProgramProfiles.KubePermensos2019).Named("   ").WithMembers(2).Command();

        var decision = Group.EvaluateProposal(command);

        decision.IsApproved.ShouldBeFalse();
        decision.Violations.ShouldContain(v => v.RuleId == RuleIds.Mem07 && v.ErrorCode == CommonErrors.NameEmpty);
        decision.Violations.ShouldContain(v => v.RuleId == RuleIds.Grp01);
        Should.Throw<RuleViolationException>(() => Group.Propose(command)).Violations.Select(v => v.ErrorCode)
            .ShouldBe(decision.Violations.Select(v => v.ErrorCode));
    }

    [Property(MaxTest = 100, Arbitrary = [typeof(ReadableNameArbitraries)])]
    [Trait("Rule", "MEM-07")]
    public bool The_proposal_validator_refuses_a_blank_group_name_with_the_code_the_group_refuses_it_with_and_one_visible_letter_makes_it_a_name(BlankText blank)
    {
        var command = GroupBuilder.For(ProgramProfiles.KubePermensos2019).Named(blank.Text).Command();
        var named = command with { Name = blank.Text + "S" + blank.Text };
        return new ProposeGroupValidator().Validate(command).Errors.Select(e => e.ErrorCode).SequenceEqual([CommonErrors.NameEmpty])
            && Group.EvaluateProposal(command).Violations.Select(v => v.ErrorCode).SequenceEqual([CommonErrors.NameEmpty])
            && new ProposeGroupValidator().Validate(named).IsValid
            && Group.EvaluateProposal(named).IsApproved;
    }

    [Fact]
    [Trait("Rule", "MEM-07")]
    public void The_proposal_validator_refuses_a_group_name_of_zero_width_spaces_or_byte_order_marks_as_empty_and_passes_one_letter()
    {
        var command = GroupBuilder.For(ProgramProfiles.KubePermensos2019).Command();
        foreach (var blank in new[] { string.Empty, " ", "\u200B", "\uFEFF", "\u200B\uFEFF\u200B", " \u200B " })
        {
            new ProposeGroupValidator().Validate(command with { Name = blank }).Errors.Select(e => e.ErrorCode).ShouldBe([CommonErrors.NameEmpty], $"'{blank}'");
            Should.Throw<RuleViolationException>(() => Group.Propose(command with { Name = blank }), $"'{blank}'").Violation.ErrorCode.ShouldBe(CommonErrors.NameEmpty);
        }
        new ProposeGroupValidator().Validate(command with { Name = null! }).Errors.Select(e => e.ErrorCode).ShouldBe([GroupErrors.FormationFieldRequired]);
        new ProposeGroupValidator().Validate(command with { Name = "S" }).IsValid.ShouldBeTrue();
        Group.Propose(command with { Name = "\u200BS\uFEFF" }).Name.ShouldBe("\u200BS\uFEFF");
    }

    [Property(MaxTest = 200, Arbitrary = [typeof(ReadableNameArbitraries)])]
    [Trait("Rule", "MEM-07")]
    public bool A_name_with_a_control_or_bidi_override_character_is_refused_and_the_same_name_without_it_is_accepted(PollutedName n) =>
        RefusalOf(n.Entry, n.Name) is { ErrorCode: CommonErrors.NameUnreadableCharacter } refusal
        && (string?)refusal.Arguments["CodePoint"] == $"U+{n.CodePoint:X4}"
        && RefusalOf(n.Entry, n.Name.Replace(char.ConvertFromUtf32(n.CodePoint), string.Empty, StringComparison.Ordinal)) is null;

    [Property(MaxTest = 200, Arbitrary = [typeof(ReadableNameArbitraries)])]
    [Trait("Rule", "MEM-07")]
    public bool A_name_of_at_most_100_code_points_is_accepted_and_a_longer_one_is_refused(SizedName n) =>
        n.Length <= ReadableName.DefaultMaxLength
            ? RefusalOf(n.Entry, n.Name) is null
            : RefusalOf(n.Entry, n.Name) is { ErrorCode: CommonErrors.NameTooLong } refusal && (int?)refusal.Arguments["Length"] == n.Length;

    [Fact]
    [Trait("Rule", "MEM-07")]
    public void A_name_is_stored_in_NFC_and_trimmed()
    {
        var decomposed = "  Sit\u0069\u0301 Nurhaya\u0301ti \u200B ";
        Register(NameEntry.Person, decomposed).ShouldBe("Sití Nurhayáti \u200B".Normalize(NormalizationForm.FormC));
        Register(NameEntry.Group, " KUBE Maju\u0301 ").ShouldBe("KUBE Majú");
    }

    [Fact]
    [Trait("Rule", "MEM-07")]
    public void A_profile_may_state_another_longest_group_name()
    {
        var strict = ProgramProfiles.KubePermensos2019.Derive("TestShortNames", 1, "test: MEM-07 length 10", ProgramProfiles.KubePermensos2019.EffectiveFrom,
            p => p with { Membership = p.Membership with { MaxNameLength = 10 } });
        GroupBuilder.For(strict).Named("KUBE Maju1").Build().Name.ShouldBe("KUBE Maju1");
        Should.Throw<RuleViolationException>(() => GroupBuilder.For(strict).Named("KUBE Maju12").Build())
            .Violations.ShouldContain(v => v.ErrorCode == CommonErrors.NameTooLong && (int?)v.Arguments["MaxLength"] == 10);
    }

    [Fact]
    [Trait("Rule", "MEM-07")]
    public void Names_stored_before_MEM_07_still_restore()
    {
        var zeroWidth = "\u200B\u200B";
        var rtl = "Budi \u202Eolleh";
        var p = DossierBuilder.On(Today).Build().Person;

        Person.Restore(p.ToState() with { Name = zeroWidth }).Name.ShouldBe(zeroWidth);
        var pendamping = Pendamping.Appoint(PendampingId.New(), "Mbak Niken", ProgramProfiles.KubePermensos2019, Today);
        Pendamping.Restore(pendamping.ToState() with { Name = rtl }, ProgramProfiles.Resolve).Name.ShouldBe(rtl);
        var command = GroupBuilder.For(ProgramProfiles.KubePermensos2019).Named(new string('K', 10_000)).Command();
        Should.Throw<RuleViolationException>(() => Group.Propose(command));
        var group = Group.Propose(command with { Name = "KUBE Maju" });
        Group.Restore(group.ToState() with { Name = new string('K', 10_000) }, ProgramProfiles.Resolve).Name.Length.ShouldBe(10_000);
    }

    [Fact]
    [Trait("Rule", "MEM-07")]
    public void A_household_is_registered_with_at_least_one_person()
    {
        Household.CheckHasPersons(0)!.ErrorCode.ShouldBe(HouseholdErrors.NoPersons);
        Household.CheckHasPersons(1).ShouldBeNull();
    }
}
