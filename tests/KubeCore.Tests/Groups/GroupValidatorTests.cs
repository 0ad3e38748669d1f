using System.Globalization;
using FluentValidation.Results;
using KubeCore.Common;
using KubeCore.Groups;
using KubeCore.Meetings;
using KubeCore.Rules;
using KubeCore.Tests.Builders;
using NodaTime;

namespace KubeCore.Tests.Groups;

public class GroupValidatorTests
{
    private static readonly KubeCoreLanguageManager Languages = new();

    /// <summary>The message a host using <see cref="KubeCoreLanguageManager"/> would show, with every placeholder filled.</summary>
    internal static string Render(ValidationFailure failure, string culture)
    {
        var text = Languages.GetString(failure.ErrorCode, CultureInfo.GetCultureInfo(culture));
        foreach (var (name, value) in failure.FormattedMessagePlaceholderValues)
        {
            text = text.Replace("{" + name + "}", Convert.ToString(value, CultureInfo.InvariantCulture), StringComparison.Ordinal);
        }
        return text;
    }

    internal static void ShouldFailWith(ValidationResult result, params string[] codes)
    {
        result.Errors.Select(e => e.ErrorCode).ShouldBe(codes, ignoreOrder: true);
        foreach (var failure in result.Errors)
        {
            KubeCoreMessages.Contains(failure.ErrorCode).ShouldBeTrue(failure.ErrorCode);
            Render(failure, "id").ShouldNotContain("{", customMessage: failure.ErrorCode);
            Render(failure, "en").ShouldNotContain("{", customMessage: failure.ErrorCode);
        }
    }

    [Fact]
    public void A_well_formed_proposal_passes()
    {
        new ProposeGroupValidator().Validate(GroupBuilder.For(ProgramProfiles.KubePermensos2019).Command()).IsValid.ShouldBeTrue();
    }

    [Fact]
    [Trait("Rule", "GRP-02")]
    public void A_proposal_without_a_name_a_desa_seat_consents_or_a_meeting_after_it_fails_with_each_code()
    {
        var builder = GroupBuilder.For(ProgramProfiles.KubeKemensos2018).WithMembers(6);
        var founders = builder.Founders;
        var stranger = PersonId.New();
        var command = builder.Command() with
        {
            Name = " ",
            Desa = RegionCode.Parse("62.71.01"),
            InitialMeetingOn = builder.ProposedDate.PlusDays(-1),
            Consents = [new(founders[1].Person.Id, builder.ProposedDate.PlusDays(2)), .. founders.Skip(2).Select(f => new MemberConsent(f.Person.Id, builder.ProposedDate)), new(stranger, builder.ProposedDate)],
        };

        var result = new ProposeGroupValidator().Validate(command);

        ShouldFailWith(result, CommonErrors.NameEmpty, GroupErrors.SeatNotADesa, GroupErrors.InitialMeetingBeforeProposal,
            GroupErrors.ConsentMissing, GroupErrors.ConsentAfterProposal, GroupErrors.ConsentFromNonFounder);
        Render(result.Errors.Single(e => e.ErrorCode == GroupErrors.ConsentMissing), "id").ShouldBe($"Persetujuan {founders[0].Person} untuk membentuk kelompok belum dicatat.");
        Render(result.Errors.Single(e => e.ErrorCode == GroupErrors.InitialMeetingBeforeProposal), "en")
            .ShouldBe("The initial meeting on 2018-12-02 cannot be before the proposal on 2018-12-03.");
    }

    [Fact]
    [Trait("Rule", "GRP-01")]
    public void A_proposal_outside_the_size_range_or_listing_a_person_twice_fails()
    {
        var builder = GroupBuilder.For(ProgramProfiles.Kub).WithMembers(4);
        var small = builder.Command();
        ShouldFailWith(new ProposeGroupValidator().Validate(small), GroupErrors.TooFewMembers);
        Render(new ProposeGroupValidator().Validate(small).Errors[0], "en").ShouldBe("The group has 4 members, fewer than the minimum of 5.");

        var twice = small with { FoundingMembers = [.. Enumerable.Range(0, 11).Select(i => small.FoundingMembers[i % 4])] };
        ShouldFailWith(new ProposeGroupValidator().Validate(twice), [GroupErrors.TooManyMembers, .. Enumerable.Repeat(GroupErrors.PersonAlreadyMember, 11)]);
    }

    [Fact]
    public void A_proposal_with_missing_parts_fails_without_throwing()
    {
        var command = new ProposeGroup(default, null!, null!, default, new LocalDate(2019, 1, 1), new LocalDate(2019, 1, 1), null!, null!);

        ShouldFailWith(new ProposeGroupValidator().Validate(command),
            GroupErrors.FormationFieldRequired, GroupErrors.FormationFieldRequired, GroupErrors.FormationFieldRequired,
            GroupErrors.SeatNotADesa, GroupErrors.FormationFieldRequired, GroupErrors.FormationFieldRequired);
    }

    [Fact]
    public void An_admission_needs_a_dossier()
    {
        ShouldFailWith(new AdmitMemberValidator().Validate(new AdmitMember(null!, new LocalDate(2019, 1, 1))), GroupErrors.FormationFieldRequired);
        new AdmitMemberValidator().Validate(new AdmitMember(DossierBuilder.On(new LocalDate(2019, 1, 1)).Build(), new LocalDate(2019, 1, 1))).IsValid.ShouldBeTrue();
    }

    [Fact]
    [Trait("Rule", "OFF-02")]
    public void An_election_must_fill_each_office_once_and_record_who_decided()
    {
        var a = PersonId.New();
        var b = PersonId.New();
        var on = new LocalDate(2019, 1, 5);
        var good = new ElectOfficers(on, Elections.Slate(a, b, PersonId.New()), null, [a, b]);
        new ElectOfficersValidator().Validate(good).IsValid.ShouldBeTrue();

        var bad = new ElectOfficers(on, [new(OfficerRole.Ketua, a), new(OfficerRole.Ketua, b)], null, null);
        var result = new ElectOfficersValidator().Validate(bad);

        ShouldFailWith(result, GroupErrors.OfficeMissing, GroupErrors.OfficeMissing, GroupErrors.OfficeRepeated, GroupErrors.NoElectionRecord);
        Render(result.Errors.First(e => e.ErrorCode == GroupErrors.OfficeRepeated), "id").ShouldBe("Jabatan Ketua muncul lebih dari sekali dalam susunan pengurus.");
    }

    [Fact]
    [Trait("Rule", "OFF-03")]
    public void An_election_by_meeting_must_be_an_officer_election_on_the_same_day()
    {
        var a = PersonId.New();
        var on = new LocalDate(2019, 1, 5);
        var decision = new MeetingDecision(MeetingId.New(), GroupId.New(), on.PlusDays(-1), DecisionKind.ProfitSplit, "Pembagian SHU", [a], 5, false, "Kub@1");

        ShouldFailWith(new ElectOfficersValidator().Validate(new ElectOfficers(on, Elections.Slate(a, PersonId.New(), PersonId.New()), decision, null)),
            GroupErrors.NotAnElection, GroupErrors.DecisionDateMismatch);
        ShouldFailWith(new ElectOfficersValidator().Validate(new ElectOfficers(on, Elections.Slate(a, PersonId.New(), PersonId.New()), null, [])),
            GroupErrors.ElectionFieldRequired);
    }

    [Fact]
    public void A_verification_names_its_verifier_and_agency_and_lists_each_member_once()
    {
        var member = DossierBuilder.On(new LocalDate(2019, 1, 5)).Build();
        ShouldFailWith(new VerifyGroupValidator().Validate(new VerifyGroup("", " ", new LocalDate(2019, 1, 5), [member, member])),
            GroupErrors.VerificationFieldRequired, GroupErrors.VerificationFieldRequired, GroupErrors.PersonAlreadyMember, GroupErrors.PersonAlreadyMember);
        new VerifyGroupValidator().Validate(new VerifyGroup("Siti", "Dinas Sosial", new LocalDate(2019, 1, 5), [member])).IsValid.ShouldBeTrue();
    }

    [Theory]
    [Trait("Rule", "GRP-07")]
    [InlineData("BRI", "0012345678", "KUBE Maju", true)]
    [InlineData("", "0012345678", "KUBE Maju", false)]
    [InlineData("BRI", "1234", "KUBE Maju", false)]
    [InlineData("BRI", "12-3456-789", "KUBE Maju", false)]
    [InlineData("BRI", "123456789012345678901", "KUBE Maju", false)]
    [InlineData("BRI", "0012345678", " ", false)]
    public void A_bank_account_needs_a_bank_a_holder_and_five_to_twenty_digits(string bank, string number, string holder, bool valid)
    {
        var result = new OpenBankAccountValidator().Validate(new OpenBankAccount(bank, number, holder, new LocalDate(2019, 2, 1)));

        result.IsValid.ShouldBe(valid);
        if (!valid)
        {
            ShouldFailWith(result, result.Errors.Select(e => e.ErrorCode).ToArray());
            result.Errors.Single().ErrorCode.ShouldBeOneOf(GroupErrors.AccountFieldRequired, GroupErrors.AccountNumberInvalid);
        }
    }
}
