using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using KubeCore.Common;
using KubeCore.Loans;
using KubeCore.Rules.Parameters;
using KubeCore.Tests.Support;
using static KubeCore.Tests.Builders.LoanGenerators;

namespace KubeCore.Tests.RulebookProperties;

public class CollectibilityRulesTests
{
    /// <summary>A count of installments overdue and how many more fall overdue.</summary>
    public sealed record InstallmentsGrowth(int Overdue, int More);

    /// <summary>Thresholds and a count of installments overdue on, next to or away from one of them.</summary>
    public sealed record InstallmentsEdge(CollectibilityParameters Thresholds, int Overdue);

    /// <summary>A number of days past due and how many more pass.</summary>
    public sealed record DaysGrowth(int Days, int More);

    /// <summary>Thresholds and a number of days past due on, next to or away from one of them.</summary>
    public sealed record DaysEdge(CollectibilityParameters Thresholds, int Days);

    /// <summary>A collectibility class (1..5) and an outstanding principal.</summary>
    public sealed record ProvisionCase(int Class, int Principal);

    /// <summary>A loan account with some payments recorded.</summary>
    public sealed record AccountCase(LoanAccount Account);

    /// <summary>A loan account and a date to read its status on.</summary>
    public sealed record AccountOnDate(LoanAccount Account, NodaTime.LocalDate AsOf);

    public static class CollectibilityArbitraries
    {
        public static Arbitrary<CollectibilityParameters> AnyThresholds() => Thresholds.ToArbitrary();

        public static Arbitrary<InstallmentsGrowth> InstallmentsGrowths() =>
            (from overdue in Gen.Choose(0, 40)
             from more in Gen.Choose(0, 10)
             select new InstallmentsGrowth(overdue, more)).ToArbitrary();

        public static Arbitrary<InstallmentsEdge> InstallmentsEdges() =>
            Thresholds.SelectMany(p => NearEdges(p.Kol2MaxInstallments, p.Kol3MaxInstallments, p.Kol4MaxInstallments, 40).Select(n => new InstallmentsEdge(p, n))).ToArbitrary();

        public static Arbitrary<DaysGrowth> DaysGrowths() =>
            (from days in Gen.Choose(0, 400)
             from more in Gen.Choose(0, 100)
             select new DaysGrowth(days, more)).ToArbitrary();

        public static Arbitrary<DaysEdge> DaysEdges() =>
            Thresholds.SelectMany(p => NearEdges(p.DpkMaxDays, p.KurangLancarMaxDays, p.DiragukanMaxDays, 400).Select(d => new DaysEdge(p, d))).ToArbitrary();

        public static Arbitrary<ProvisionCase> ProvisionCases() =>
            (from k in Gen.Choose(1, 5)
             from principal in Gen.Choose(0, int.MaxValue)
             select new ProvisionCase(k, principal)).ToArbitrary();

        public static Arbitrary<AccountCase> Accounts() => Account.Select(a => new AccountCase(a)).ToArbitrary();

        public static Arbitrary<AccountOnDate> AccountsOnDates() =>
            Account.SelectMany(a => AsOfDateFor(a).Select(d => new AccountOnDate(a, d))).ToArbitrary();
    }

    private static Gen<CollectibilityParameters> Thresholds =>
        from kol2 in Gen.Choose(1, 6)
        from kol3 in Gen.Choose(1, 6)
        from kol4 in Gen.Choose(1, 6)
        from dpk in Gen.Choose(1, 120)
        from kl in Gen.Choose(1, 60)
        from d in Gen.Choose(1, 120)
        select new CollectibilityParameters
        {
            Kol2MaxInstallments = kol2,
            Kol3MaxInstallments = kol2 + kol3,
            Kol4MaxInstallments = kol2 + kol3 + kol4,
            DpkMaxDays = dpk,
            KurangLancarMaxDays = dpk + kl,
            DiragukanMaxDays = dpk + kl + d,
        };

    // A count on, just below or just above a threshold (or 0, 1), or anywhere up to max.
    private static Gen<int> NearEdges(int first, int second, int third, int max) =>
        Gen.Frequency(
            (3, Gen.Elements(0, 1, first, second, third).SelectMany(edge => Gen.Elements(Math.Max(0, edge - 1), edge, edge + 1))),
            (1, Gen.Choose(0, max)));

    [Property(MaxTest = 200, Arbitrary = [typeof(CollectibilityArbitraries)])]
    [Trait("Rule", "COL-01")]
    public bool Collectibility_never_improves_as_the_installments_overdue_grow(CollectibilityParameters p, InstallmentsGrowth g) =>
        CollectibilityRules.ByInstallmentsOverdue(g.Overdue + g.More, p) >= CollectibilityRules.ByInstallmentsOverdue(g.Overdue, p);

    [Property(MaxTest = 200, Arbitrary = [typeof(CollectibilityArbitraries)])]
    [Trait("Rule", "COL-01")]
    public bool A_loan_is_Kol_1_exactly_without_arrears_and_each_class_ends_inclusively_at_its_threshold(InstallmentsEdge t)
    {
        var (p, overdue) = t;
        var expected = overdue == 0 ? Collectibility.Lancar
            : overdue <= p.Kol2MaxInstallments ? Collectibility.DalamPerhatianKhusus
            : overdue <= p.Kol3MaxInstallments ? Collectibility.KurangLancar
            : overdue <= p.Kol4MaxInstallments ? Collectibility.Diragukan
            : Collectibility.Macet;
        return CollectibilityRules.ByInstallmentsOverdue(overdue, p) == expected
            && CollectibilityRules.ByInstallmentsOverdue(p.Kol2MaxInstallments, p) == Collectibility.DalamPerhatianKhusus
            && CollectibilityRules.ByInstallmentsOverdue(p.Kol2MaxInstallments + 1, p) == Collectibility.KurangLancar
            && CollectibilityRules.ByInstallmentsOverdue(p.Kol4MaxInstallments + 1, p) == Collectibility.Macet;
    }

    [Property(MaxTest = 200, Arbitrary = [typeof(CollectibilityArbitraries)])]
    [Trait("Rule", "COL-01")]
    public bool Without_further_payments_a_loans_collectibility_never_improves_as_time_passes(AccountCase c)
    {
        var account = c.Account;
        var p = Profile.Collectibility;
        var previous = Collectibility.Lancar;
        var monotoneWithoutPayments = true;
        // With no further payment, the class as of later dates never improves.
        var start = account.LastPaymentDate ?? account.Schedule.DisbursedOn;
        for (var d = 0; d < 400; d += 7)
        {
            var kol = CollectibilityRules.Classify(account.StatusAsOf(start.PlusDays(d)), CollectibilityScheme.InstallmentsOverdue, p);
            monotoneWithoutPayments &= kol >= previous;
            previous = kol;
        }
        return monotoneWithoutPayments;
    }

    [Property(MaxTest = 200, Arbitrary = [typeof(CollectibilityArbitraries)])]
    [Trait("Rule", "COL-02")]
    public bool Collectibility_never_improves_as_the_days_past_due_grow(CollectibilityParameters p, DaysGrowth g) =>
        CollectibilityRules.ByDaysPastDue(g.Days + g.More, p) >= CollectibilityRules.ByDaysPastDue(g.Days, p);

    [Property(MaxTest = 200, Arbitrary = [typeof(CollectibilityArbitraries)])]
    [Trait("Rule", "COL-02")]
    public bool The_OJK_classes_follow_the_day_thresholds_inclusively(DaysEdge t)
    {
        var (p, days) = t;
        var expected = days == 0 ? Collectibility.Lancar
            : days <= p.DpkMaxDays ? Collectibility.DalamPerhatianKhusus
            : days <= p.KurangLancarMaxDays ? Collectibility.KurangLancar
            : days <= p.DiragukanMaxDays ? Collectibility.Diragukan
            : Collectibility.Macet;
        return CollectibilityRules.ByDaysPastDue(days, p) == expected;
    }

    [Property(MaxTest = 200, Arbitrary = [typeof(CollectibilityArbitraries)])]
    [Trait("Rule", "COL-02")]
    public bool The_provision_is_the_class_rate_of_the_outstanding_principal_truncated_to_whole_rupiah(ProvisionCase c)
    {
        var (k, principal) = c;
        var kol = (Collectibility)k;
        var rate = Profile.Collectibility.Provisions[k - 1];
        var provision = CollectibilityRules.Provision(kol, Rupiah.Of(principal), Profile.Collectibility);
        var exact = (decimal)principal * rate.BasisPoints / 10_000m;
        return provision.Amount == decimal.Truncate(exact) && CollectibilityRules.ProvisionRate(kol, Profile.Collectibility) == rate;
    }

    [Property(MaxTest = 200, Arbitrary = [typeof(CollectibilityArbitraries)])]
    [Trait("Rule", "COL-02")]
    public bool Days_past_due_count_from_the_oldest_unpaid_installment(AccountOnDate t)
    {
        var (account, asOf) = t;
        var status = account.StatusAsOf(asOf);
        var oldest = account.InstallmentsAsOf(asOf).FirstOrDefault(i => i.IsOverdue);
        return oldest.Installment.Number == 0
            ? status.DaysPastDue == 0 && status.InstallmentsOverdue == 0
            : status.DaysPastDue == NodaTime.Period.DaysBetween(oldest.Installment.DueDate, asOf) && status.DaysPastDue > 0;
    }

    [Fact]
    [Trait("Rule", "COL-01")]
    [Trait("Rule", "COL-02")]
    public void An_assessment_is_recorded_under_COL_01_by_installments_overdue_and_under_COL_02_by_days_past_due()
    {
        // 1.200.000 over 12 months monthly from 15 January 2020, unpaid: on 16 May four installments are overdue, the oldest (15 February) 91 days.
        var status = ALoan().Of(1_200_000).Over(12, InstallmentFrequency.Monthly).DisbursedOn(new NodaTime.LocalDate(2020, 1, 15)).Build()
            .StatusAsOf(new NodaTime.LocalDate(2020, 5, 16));

        var byInstallments = CollectibilityRules.Assess(status, CollectibilityScheme.InstallmentsOverdue, Profile);
        byInstallments.RuleId.ShouldBe(KubeCore.Rules.RuleIds.Col01);
        byInstallments.Class.ShouldBe(Collectibility.KurangLancar);
        var byDays = CollectibilityRules.Assess(status, CollectibilityScheme.DaysPastDue, Profile);
        byDays.RuleId.ShouldBe(KubeCore.Rules.RuleIds.Col02);
        byDays.Class.ShouldBe(Collectibility.KurangLancar);
    }

    [Fact]
    [Trait("Rule", "COL-01")]
    [Trait("Rule", "COL-02")]
    public void A_negative_outstanding_principal_is_refused_and_zero_outstanding_needs_no_provision_in_any_class()
    {
        foreach (var kol in Enum.GetValues<Collectibility>())
        {
            Should.Throw<ArgumentOutOfRangeException>(() => CollectibilityRules.Provision(kol, Rupiah.Of(-1), Profile.Collectibility));
            CollectibilityRules.Provision(kol, Rupiah.Zero, Profile.Collectibility).ShouldBe(Rupiah.Zero);
        }
    }
}
