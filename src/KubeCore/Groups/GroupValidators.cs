using System.Globalization;
using FluentValidation;
using KubeCore.Common;
using KubeCore.Meetings;
using KubeCore.Rules;

namespace KubeCore.Groups;

/// <summary>
/// Validates a <see cref="ProposeGroup"/> at the boundary: required fields, a name that is not blank (MEM-07, judged as
/// <see cref="Group.EvaluateProposal"/> judges it), the seat, GRP-01 size, no person
/// twice (GRP-03), one consent per founding member dated no later than the proposal and the initial meeting not
/// before it (GRP-02). Rules that need the members' data (GRP-03 seats, GRP-04, MEM-01..05) are decided by
/// <see cref="Group.EvaluateProposal"/>. Every rule carries its error code; texts come from <see cref="KubeCoreLanguageManager"/>.
/// </summary>
public sealed class ProposeGroupValidator : AbstractValidator<ProposeGroup>
{
    /// <summary>Creates the validator.</summary>
    public ProposeGroupValidator()
    {
        RuleFor(x => x.GroupId).NotEqual(default(GroupId)).WithErrorCode(GroupErrors.FormationFieldRequired);
        RuleFor(x => x.Profile).NotNull().WithErrorCode(GroupErrors.FormationFieldRequired);
        RuleFor(x => x.Name).NotNull().WithErrorCode(GroupErrors.FormationFieldRequired);
        // MEM-07: a name given but blank (white space, invisible characters or controls only) is refused as the group refuses it.
        RuleFor(x => x.Name).Must(name => !ReadableName.IsBlank(name)).When(x => x.Name is not null).WithErrorCode(CommonErrors.NameEmpty);
        RuleFor(x => x.Desa).Must(d => d.Level == RegionLevel.Village).WithErrorCode(GroupErrors.SeatNotADesa);
        RuleFor(x => x.FoundingMembers).NotNull().WithErrorCode(GroupErrors.FormationFieldRequired);
        RuleForEach(x => x.FoundingMembers).NotNull().WithErrorCode(GroupErrors.FormationFieldRequired);
        RuleFor(x => x.Consents).NotNull().WithErrorCode(GroupErrors.FormationFieldRequired);
        RuleForEach(x => x.Consents).NotNull().WithErrorCode(GroupErrors.FormationFieldRequired);
        RuleFor(x => x.InitialMeetingOn)
            .Must((x, on, context) => ValidationArguments.Passes(context, on >= x.ProposedOn, ("InitialMeetingOn", on), ("ProposedOn", x.ProposedOn)))
            .WithErrorCode(GroupErrors.InitialMeetingBeforeProposal);

        When(x => x.Profile is not null && x.FoundingMembers is not null && x.FoundingMembers.All(m => m is not null), () =>
        {
            RuleFor(x => x.FoundingMembers)
                .Must((x, members, context) => ValidationArguments.Passes(context, members.Count >= x.Profile.Membership.MinMembers, ("Members", members.Count), ("MinMembers", x.Profile.Membership.MinMembers)))
                .WithErrorCode(GroupErrors.TooFewMembers);
            RuleFor(x => x.FoundingMembers)
                .Must((x, members, context) => ValidationArguments.Passes(context, x.Profile.Membership.MaxMembers is not { } max || members.Count <= max, ("Members", members.Count), ("MaxMembers", x.Profile.Membership.MaxMembers)))
                .WithErrorCode(GroupErrors.TooManyMembers);
            RuleForEach(x => x.FoundingMembers)
                .Must((x, member, context) => ValidationArguments.Passes(context, x.FoundingMembers.Count(m => m.Person.Id == member.Person.Id) == 1, MemberEligibility.Who(member.Person)))
                .WithErrorCode(GroupErrors.PersonAlreadyMember);
        });

        When(x => x.FoundingMembers is not null && x.Consents is not null && x.FoundingMembers.All(m => m is not null) && x.Consents.All(c => c is not null), () =>
        {
            RuleForEach(x => x.FoundingMembers)
                .Must((x, member, context) => ValidationArguments.Passes(context, x.Consents.Any(c => c.PersonId == member.Person.Id), MemberEligibility.Who(member.Person)))
                .WithErrorCode(GroupErrors.ConsentMissing);
            RuleForEach(x => x.FoundingMembers)
                .Must((x, member, context) =>
                {
                    var consents = x.Consents.Where(c => c.PersonId == member.Person.Id).ToList();
                    return ValidationArguments.Passes(context, consents.Count == 0 || consents.Any(c => c.GivenOn <= x.ProposedOn),
                        MemberEligibility.Who(member.Person), ("ConsentedOn", consents.Count == 0 ? null : consents.Min(c => c.GivenOn)), ("ProposedOn", x.ProposedOn));
                })
                .WithErrorCode(GroupErrors.ConsentAfterProposal);
            RuleForEach(x => x.Consents)
                .Must((x, consent, context) => ValidationArguments.Passes(context, x.FoundingMembers.Any(m => m.Person.Id == consent.PersonId), ("PersonId", consent.PersonId)))
                .WithErrorCode(GroupErrors.ConsentFromNonFounder);
        });
    }
}

/// <summary>Validates an <see cref="AdmitMember"/> at the boundary; the group decides the membership rules (<see cref="Group.AdmitMember"/>).</summary>
public sealed class AdmitMemberValidator : AbstractValidator<AdmitMember>
{
    /// <summary>Creates the validator.</summary>
    public AdmitMemberValidator() =>
        RuleFor(x => x.Member).NotNull().WithErrorCode(GroupErrors.FormationFieldRequired);
}

/// <summary>
/// Validates an <see cref="ElectOfficers"/> at the boundary: one ketua, one sekretaris and one bendahara (OFF-02),
/// exactly one record of who decided, a meeting decision of kind officer election on the election date, a
/// non-empty list of deciders (OFF-03). Membership, one-person-one-office and quorum are decided by <see cref="Group.ElectOfficers"/>.
/// </summary>
public sealed class ElectOfficersValidator : AbstractValidator<ElectOfficers>
{
    /// <summary>Creates the validator.</summary>
    public ElectOfficersValidator()
    {
        RuleFor(x => x.Officers).NotNull().WithErrorCode(GroupErrors.ElectionFieldRequired);
        RuleForEach(x => x.Officers).NotNull().WithErrorCode(GroupErrors.ElectionFieldRequired);
        When(x => x.Officers is not null && x.Officers.All(o => o is not null), () =>
        {
            RuleForEach(x => x.Officers).Must(o => Enum.IsDefined(o.Role)).WithErrorCode(GroupErrors.ElectionFieldRequired);
            foreach (var role in new[] { OfficerRole.Ketua, OfficerRole.Sekretaris, OfficerRole.Bendahara })
            {
                RuleFor(x => x.Officers)
                    .Must((_, officers, context) => ValidationArguments.Passes(context, officers.Any(o => o.Role == role), ("Role", role)))
                    .WithErrorCode(GroupErrors.OfficeMissing);
                RuleFor(x => x.Officers)
                    .Must((_, officers, context) => ValidationArguments.Passes(context, officers.Count(o => o.Role == role) <= 1, ("Role", role)))
                    .WithErrorCode(GroupErrors.OfficeRepeated);
            }
        });
        RuleFor(x => x.DecidedBy).Must((x, decidedBy) => (x.Decision is null) != (decidedBy is null)).WithErrorCode(GroupErrors.NoElectionRecord);
        RuleFor(x => x.DecidedBy).NotEmpty().When(x => x.Decision is null && x.DecidedBy is not null).WithErrorCode(GroupErrors.ElectionFieldRequired);
        When(x => x.Decision is not null, () =>
        {
            RuleFor(x => x.Decision!.Kind)
                .Must((x, kind, context) => ValidationArguments.Passes(context, kind == DecisionKind.OfficerElection, ("MeetingId", x.Decision!.MeetingId), ("Kind", kind)))
                .WithErrorCode(GroupErrors.NotAnElection);
            RuleFor(x => x.Decision!.Date)
                .Must((x, date, context) => ValidationArguments.Passes(context, date == x.ElectedOn, ("DecidedOn", date), ("ElectedOn", x.ElectedOn)))
                .WithErrorCode(GroupErrors.DecisionDateMismatch);
        });
    }
}

/// <summary>Validates a <see cref="VerifyGroup"/> at the boundary: verifier, agency and one dossier per member; the group re-checks the rules (<see cref="Group.Verify"/>).</summary>
public sealed class VerifyGroupValidator : AbstractValidator<VerifyGroup>
{
    /// <summary>Creates the validator.</summary>
    public VerifyGroupValidator()
    {
        // GRP-06: blank as ReadableName.IsBlank judges it; the limits are VerifyGroup's (Group.CheckVerificationText).
        RuleFor(x => x.VerifierName).Must(name => !ReadableName.IsBlank(name)).WithErrorCode(GroupErrors.VerificationFieldRequired);
        RuleFor(x => x.VerifierName).MaximumLength(VerifyGroup.MaxVerifierNameLength).WithErrorCode(GroupErrors.VerificationTextTooLong);
        RuleFor(x => x.Agency).Must(agency => !ReadableName.IsBlank(agency)).WithErrorCode(GroupErrors.VerificationFieldRequired);
        RuleFor(x => x.Agency).MaximumLength(VerifyGroup.MaxAgencyLength).WithErrorCode(GroupErrors.VerificationTextTooLong);
        RuleFor(x => x.Members).NotEmpty().WithErrorCode(GroupErrors.VerificationFieldRequired);
        RuleForEach(x => x.Members).NotNull().WithErrorCode(GroupErrors.VerificationFieldRequired);
        When(x => x.Members is not null && x.Members.All(m => m is not null), () =>
            RuleForEach(x => x.Members)
                .Must((x, member, context) => ValidationArguments.Passes(context, x.Members.Count(m => m.Person.Id == member.Person.Id) == 1, MemberEligibility.Who(member.Person)))
                .WithErrorCode(GroupErrors.PersonAlreadyMember));
    }
}

/// <summary>Validates an <see cref="OpenBankAccount"/> at the boundary: bank and holder not blank and a 5–20 digit account number (GRP-07), judged as the group judges them; the group checks the holder is its own name (<see cref="Group.OpenBankAccount"/>).</summary>
public sealed class OpenBankAccountValidator : AbstractValidator<OpenBankAccount>
{
    /// <summary>Creates the validator.</summary>
    public OpenBankAccountValidator()
    {
        RuleFor(x => x.Bank).Must(b => Group.CheckAccountField(b, nameof(OpenBankAccount.Bank)) is null).WithErrorCode(GroupErrors.AccountFieldRequired);
        RuleFor(x => x.HolderName).Must(h => Group.CheckAccountField(h, nameof(OpenBankAccount.HolderName)) is null).WithErrorCode(GroupErrors.AccountFieldRequired);
        RuleFor(x => x.AccountNumber).Must(Group.IsAccountNumber).WithErrorCode(GroupErrors.AccountNumberInvalid);
    }
}

/// <summary>Passes a rule's named message arguments to FluentValidation, formatted as <see cref="KubeCoreMessages"/> formats them.</summary>
internal static class ValidationArguments
{
    internal static bool Passes<T>(ValidationContext<T> context, bool holds, params (string Name, object? Value)[] arguments)
    {
        if (!holds)
        {
            foreach (var (name, value) in arguments)
            {
                context.MessageFormatter.AppendArgument(name, KubeCoreMessages.FormatValue(value, CultureInfo.InvariantCulture));
            }
        }
        return holds;
    }
}
