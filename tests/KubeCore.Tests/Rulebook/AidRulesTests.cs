using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using KubeCore.Aid;
using KubeCore.Common;
using KubeCore.Compliance;
using KubeCore.Groups;
using KubeCore.Rules;
using KubeCore.Tests.Support;
using NodaTime;

namespace KubeCore.Tests.Rules;

public class AidRulesTests
{
    private static readonly LocalDate Start = new(2011, 1, 3);

    /// <summary>A date this many days from 1 January 2018, when the first grant amount came into force.</summary>
    public sealed record GrantDay(int Offset);

    /// <summary>The name on the account a grant would be paid to (empty: no account).</summary>
    public sealed record AccountHolder(string Name);

    /// <summary>Candidates for development aid and the number of slots to fill.</summary>
    public sealed record CandidatesAndSlots(IReadOnlyList<DevelopmentAidCandidate> Candidates, int Slots)
    {
        public override string ToString() => $"CandidatesAndSlots {{ Candidates = {CounterexampleText.Items(Candidates)}, Slots = {Slots} }}";
    }

    /// <summary>Spends recorded one after the other against a grant.</summary>
    public sealed record SpendSequence(IReadOnlyList<AidSpend> Spends)
    {
        public override string ToString() => $"SpendSequence {{ Spends = {CounterexampleText.Items(Spends)} }}";
    }

    /// <summary>A grant amount around zero, or at the limits of <see cref="long"/>.</summary>
    public sealed record GrantAmount(long Amount);

    /// <summary>Days since the grant was disbursed.</summary>
    public sealed record DaysSinceDisbursement(int Days);

    public static class AidArbitraries
    {
        public static Arbitrary<GrantDay> GrantDays() => Gen.Choose(-3_000, 6_000).Select(o => new GrantDay(o)).ToArbitrary();

        public static Arbitrary<AccountHolder> AccountHolders() =>
            Gen.Elements("KUBE Maju Bersama", "kube  maju bersama", "Siti Aminah", "", "KUBE Maju").Select(h => new AccountHolder(h)).ToArbitrary();

        public static Arbitrary<DevelopmentAidCandidate> Candidates() => Candidate.ToArbitrary();

        public static Arbitrary<CandidatesAndSlots> Selections() =>
            (from candidates in Candidate.ListOf()
             from slots in Gen.Choose(0, 15)
             select new CandidatesAndSlots(candidates, slots)).ToArbitrary();

        public static Arbitrary<SpendSequence> SpendSequences() =>
            Spend(Gen.Choose(-100_000, 12_000_000).Select(v => (long)v)).ListOf().Select(s => new SpendSequence(s)).ToArbitrary();

        public static Arbitrary<GrantAmount> GrantAmounts() =>
            Gen.Frequency(
                    (4, Gen.Choose(-3, 3).Select(v => (long)v)),
                    (2, Gen.Choose(-30_000_000, 30_000_000).Select(v => (long)v)),
                    (1, Gen.Elements(long.MinValue, long.MaxValue, -1L, 1L)))
                .Select(a => new GrantAmount(a)).ToArbitrary();

        public static Arbitrary<DaysSinceDisbursement> DaysSinceDisbursements() => Gen.Choose(0, 60).Select(d => new DaysSinceDisbursement(d)).ToArbitrary();
    }

    private static Gen<AidSpend> Spend(Gen<long> amount) =>
        from days in Gen.Choose(0, 60)
        from category in Gen.Elements(Enum.GetValues<SpendCategory>())
        from value in amount
        from receipt in Gen.Choose(1, 40)
        select new AidSpend(Start.PlusDays(days - 5), category, Rupiah.Of(value), receipt == 40 ? " " : $"NOTA-{receipt}", "pembelian");

    [Property(MaxTest = 200, Arbitrary = [typeof(AidArbitraries)])]
    [Trait("Rule", "AID-01")]
    public bool The_grant_is_the_rate_in_force_on_the_date_and_none_before_the_first(GrantDay day)
    {
        var date = new LocalDate(2016, 1, 1).PlusDays(day.Offset);
        var amount = AidGrants.AmountOn(ProgramProfiles.KubePermensos2019, date, 10);
        var expected = date < new LocalDate(2016, 1, 1) ? (Rupiah?)null : Rupiah.Of(20_000_000);
        return amount == expected && AidGrants.AmountOn(ProgramProfiles.KsmP2kp, date, 10) is null;
    }

    [Property(MaxTest = 200, Arbitrary = [typeof(AidArbitraries)])]
    [Trait("Rule", "AID-01")]
    [Trait("Rule", "GRP-07")]
    public bool A_grant_is_paid_only_to_an_account_in_the_groups_own_name(AccountHolder account)
    {
        var holder = account.Name;
        var group = TestGroupStanding.Active(ProgramProfiles.KubePermensos2019);
        var decision = AidGrants.Decide(group, "KUBE Maju Bersama", holder.Length == 0 ? null : holder, new LocalDate(2019, 6, 1));
        var inGroupName = holder is "KUBE Maju Bersama" or "kube  maju bersama";
        return decision.IsApproved == inGroupName
            && (inGroupName || decision.Violations.Single().RuleId == RuleIds.Grp07)
            && decision.RuleIds.Contains(RuleIds.Aid01);
    }

    [Fact]
    [Trait("Rule", "GRP-07")]
    public void A_grant_to_a_group_with_no_account_is_refused_as_no_group_account_and_one_held_in_another_name_as_not_in_the_group_name()
    {
        var group = TestGroupStanding.Active(ProgramProfiles.KubePermensos2019);
        var on = new LocalDate(2019, 6, 1);

        var noAccount = AidGrants.Decide(group, "KUBE Maju Bersama", null, on).Violations;
        noAccount.Select(v => (v.RuleId, v.ErrorCode)).ShouldBe([(RuleIds.Grp07, AidErrors.NoGroupAccount)]);
        var otherName = AidGrants.Decide(group, "KUBE Maju Bersama", "Siti Aminah", on).Violations;
        otherName.Select(v => (v.RuleId, v.ErrorCode)).ShouldBe([(RuleIds.Grp07, AidErrors.AccountNotInGroupName)]);
        AidGrants.Decide(group, "KUBE Maju Bersama", "KUBE Maju Bersama", on).IsApproved.ShouldBeTrue();
    }

    [Fact]
    [Trait("Rule", "AID-01")]
    public void No_grant_is_decided_for_an_under_strength_group_or_a_program_without_grants()
    {
        var underStrength = new TestGroupStanding(ProgramProfiles.KubePermensos2019, GroupStatus.UnderStrength, [PersonId.New()], PersonId.New());
        AidGrants.Decide(underStrength, "KUBE A", "KUBE A", new LocalDate(2019, 6, 1)).Violations.Single().ErrorCode.ShouldBe(GroupErrors.UnderStrengthBlocksMoney);
        var ksm = TestGroupStanding.Active(ProgramProfiles.KsmP2kp);
        AidGrants.Decide(ksm, "KSM A", "KSM A", new LocalDate(2019, 6, 1)).Violations.Single().ErrorCode.ShouldBe(AidErrors.NoGrantInForce);
    }

    private static Gen<DevelopmentAidCandidate> Candidate =>
        from status in Gen.Elements(GroupStatus.Active, GroupStatus.Active, GroupStatus.Active, GroupStatus.UnderStrength, GroupStatus.Verified)
        from ageDays in Gen.Choose(0, 2_000)
        from stage in Gen.Elements(GroupStage.Tumbuh, GroupStage.Berkembang, GroupStage.Maju)
        from savings in Gen.Choose(0, 5_000_000)
        select new DevelopmentAidCandidate(GroupId.New(), status, Start.PlusDays(-ageDays), stage, Rupiah.Of(savings));

    [Property(MaxTest = 200, Arbitrary = [typeof(AidArbitraries)])]
    [Trait("Rule", "AID-02")]
    public bool Development_aid_goes_only_to_active_groups_of_the_minimum_age_at_any_stage(DevelopmentAidCandidate c)
    {
        var decision = DevelopmentAid.CheckEligibility(c, ProgramProfiles.KubeBlps, Start);
        var expected = c.Status == GroupStatus.Active && c.ActiveSince.PlusYears(2) <= Start;
        return decision.IsApproved == expected;
    }

    [Property(MaxTest = 200, Arbitrary = [typeof(AidArbitraries)])]
    [Trait("Rule", "AID-02")]
    public bool A_selection_fills_the_slots_with_eligible_groups_each_outranking_every_eligible_group_left_out(CandidatesAndSlots input)
    {
        var (candidates, slots) = input;
        var selection = DevelopmentAid.Select(candidates, slots, ProgramProfiles.KubeBlps, Start);
        var eligible = selection.Candidates.Where(c => c.Rank is not null).ToList();
        var selected = eligible.Where(c => c.Selected).ToList();
        var left = eligible.Where(c => !c.Selected).ToList();
        static (int Stage, LocalDate Since, long Savings) Key(RankedCandidate c) => (-(int)c.Candidate.Stage, c.Candidate.ActiveSince, -c.Candidate.MemberSavings.Amount);
        return selected.Count == Math.Min(slots, eligible.Count)
            && selected.All(s => s.Eligibility.IsApproved)
            && selection.Candidates.Count == candidates.Count
            && selected.All(s => left.All(l => Key(s).CompareTo(Key(l)) <= 0))
            && eligible.Select(c => c.Rank).SequenceEqual(Enumerable.Range(1, eligible.Count).Select(i => (int?)i));
    }

    [Property(MaxTest = 200, Arbitrary = [typeof(AidArbitraries)])]
    [Trait("Rule", "AID-03")]
    public bool Spends_never_exceed_the_grant_and_every_spend_kept_has_a_unique_receipt(SpendSequence c)
    {
        var report = AccountabilityReport.Open(GroupId.New(), Rupiah.Of(30_000_000), Start, ProgramProfiles.KubeBlps);
        foreach (var spend in c.Spends)
        {
            var before = (report.Spent, report.Spends.Count);
            try
            {
                report.RecordSpend(spend);
            }
            catch (RuleViolationException e) when (e.Violation.RuleId == RuleIds.Aid03)
            {
                if ((report.Spent, report.Spends.Count) != before)
                {
                    return false;
                }
            }
        }
        var summary = report.SummaryOn(Start.PlusDays(60));
        return report.Spent <= report.Grant
            && !report.Remaining.IsNegative
            && report.Spends.All(s => s.Amount.IsPositive && !string.IsNullOrWhiteSpace(s.ReceiptReference) && s.Date >= Start)
            && report.Spends.Select(s => s.ReceiptReference).Distinct(StringComparer.OrdinalIgnoreCase).Count() == report.Spends.Count
            && Rupiah.Sum(summary.SpentByCategory.Values) == summary.Spent
            && summary.Spent + summary.Remaining == summary.Grant;
    }

    [Property(MaxTest = 200, Arbitrary = [typeof(AidArbitraries)])]
    [Trait("Rule", "AID-03")]
    public bool An_LPJ_opens_for_a_grant_of_at_least_1_rupiah_and_a_grant_of_0_or_less_is_refused_with_a_coded_violation(GrantAmount c)
    {
        var grant = Rupiah.Of(c.Amount);
        if (c.Amount >= 1)
        {
            var report = AccountabilityReport.Open(GroupId.New(), grant, Start, ProgramProfiles.KubeBlps);
            return report.Grant == grant && report.Remaining == grant && report.Spends.Count == 0;
        }
        var refusal = Should.Throw<RuleViolationException>(() => AccountabilityReport.Open(GroupId.New(), grant, Start, ProgramProfiles.KubeBlps)).Violations.Single();
        return refusal.RuleId == RuleIds.Aid03 && refusal.ErrorCode == AidErrors.GrantNotPositive && refusal.Arguments["Grant"] is Rupiah given && given == grant;
    }

    [Fact]
    [Trait("Rule", "AID-03")]
    public void An_LPJ_of_a_grant_of_0_is_refused_and_one_of_1_rupiah_is_opened()
    {
        Should.Throw<RuleViolationException>(() => AccountabilityReport.Open(GroupId.New(), Rupiah.Zero, Start, ProgramProfiles.KubePermensos2019))
            .Violation.ErrorCode.ShouldBe(AidErrors.GrantNotPositive);
        AccountabilityReport.Open(GroupId.New(), Rupiah.Of(1), Start, ProgramProfiles.KubePermensos2019).Remaining.ShouldBe(Rupiah.Of(1));
    }

    [Property(MaxTest = 200, Arbitrary = [typeof(AidArbitraries)])]
    [Trait("Rule", "AID-03")]
    public bool An_LPJ_is_due_the_profile_period_after_disbursement_and_overdue_only_after_that(DaysSinceDisbursement c)
    {
        var days = c.Days;
        var report = AccountabilityReport.Open(GroupId.New(), Rupiah.Of(20_000_000), Start, ProgramProfiles.KubePermensos2019);
        var date = Start.PlusDays(days);
        return report.DueOn == Start.PlusDays(21)
            && report.StatusOn(date) == (days > 21 ? LpjStatus.Overdue : LpjStatus.Open);
    }

    [Fact]
    [Trait("Rule", "GRP-06")]
    public void Development_aid_refuses_a_verified_group_that_is_not_yet_active_as_GRP_06_and_accepts_the_same_group_once_active()
    {
        var activeSince = Start.PlusYears(-3);
        var verified = new DevelopmentAidCandidate(GroupId.New(), GroupStatus.Verified, activeSince, GroupStage.Berkembang, Rupiah.Of(1_000_000));

        var refused = DevelopmentAid.CheckEligibility(verified, ProgramProfiles.KubeBlps, Start);
        var accepted = DevelopmentAid.CheckEligibility(verified with { Status = GroupStatus.Active }, ProgramProfiles.KubeBlps, Start);

        refused.IsApproved.ShouldBeFalse();
        refused.Violations.Single().ShouldSatisfyAllConditions(
            v => v.RuleId.ShouldBe(RuleIds.Grp06),
            v => v.ErrorCode.ShouldBe(GroupErrors.NotActive));
        accepted.IsApproved.ShouldBeTrue();
    }

    [Fact]
    [Trait("Rule", "AID-03")]
    public void An_LPJ_submitted_on_the_day_of_its_last_spend_and_on_its_due_date_is_accepted_on_time_and_cannot_be_submitted_again()
    {
        var report = AccountabilityReport.Open(GroupId.New(), Rupiah.Of(20_000_000), Start, ProgramProfiles.KubePermensos2019);
        var lastSpend = Start.PlusDays(21);
        report.RecordSpend(new AidSpend(lastSpend, SpendCategory.CapitalGoods, Rupiah.Of(5_000_000), "NOTA-1", "mesin jahit"));

        var early = Should.Throw<RuleViolationException>(() => report.Submit(lastSpend.PlusDays(-1)));
        report.Submit(lastSpend);

        var again = Should.Throw<RuleViolationException>(() => report.Submit(lastSpend.PlusDays(1)));

        early.Violation.ErrorCode.ShouldBe(AidErrors.SubmittedBeforeLastSpend);
        again.Violation.ErrorCode.ShouldBe(AidErrors.ReportAlreadySubmitted);
        report.SubmittedOn.ShouldBe(report.DueOn);
        report.StatusOn(lastSpend).ShouldBe(LpjStatus.Submitted);
    }

    [Fact]
    [Trait("Rule", "AID-03")]
    public void A_spend_validator_names_each_missing_piece_by_its_code()
    {
        var result = new AidSpendValidator().Validate(new AidSpend(Start, (SpendCategory)99, Rupiah.Zero, " ", ""));
        result.Errors.Select(e => e.ErrorCode).ShouldBe(
            [AidErrors.SpendNotPositive, AidErrors.ReceiptMissing, AidErrors.DescriptionMissing, AidErrors.CategoryUnknown], ignoreOrder: true);
        result.Errors.ShouldAllBe(e => !e.ErrorMessage.Contains('{'));
    }
}
