using FsCheck;
using FsCheck.Fluent;
using KubeCore.Common;
using KubeCore.Loans;
using KubeCore.Rules.Parameters;
using KubeCore.Tests.Support;
using static KubeCore.Tests.Builders.LoanGenerators;

namespace KubeCore.Tests.RulebookProperties;

public class CollectibilityRulesTests
{
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

    [Fact]
    [Trait("Rule", "COL-01")]
    public void Collectibility_never_improves_as_the_installments_overdue_grow() =>
        Rulebook.Verify(Prop.ForAll(Thresholds.ToArbitrary(), Gen.Choose(0, 40).ToArbitrary(), Gen.Choose(0, 10).ToArbitrary(), (p, overdue, more) =>
            CollectibilityRules.ByInstallmentsOverdue(overdue + more, p) >= CollectibilityRules.ByInstallmentsOverdue(overdue, p)));

    [Fact]
    [Trait("Rule", "COL-01")]
    public void A_loan_is_Kol_1_exactly_without_arrears_and_each_class_ends_inclusively_at_its_threshold() =>
        Rulebook.Verify(Prop.ForAll(Thresholds.SelectMany(p => NearEdges(p.Kol2MaxInstallments, p.Kol3MaxInstallments, p.Kol4MaxInstallments, 40).Select(n => (p, n))).ToArbitrary(), t =>
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
        }));

    [Fact]
    [Trait("Rule", "COL-01")]
    public void Without_further_payments_a_loans_collectibility_never_improves_as_time_passes() =>
        Rulebook.Verify(Prop.ForAll(Account.ToArbitrary(), account =>
        {
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
        }));

    [Fact]
    [Trait("Rule", "COL-02")]
    public void Collectibility_never_improves_as_the_days_past_due_grow() =>
        Rulebook.Verify(Prop.ForAll(Thresholds.ToArbitrary(), Gen.Choose(0, 400).ToArbitrary(), Gen.Choose(0, 100).ToArbitrary(), (p, days, more) =>
            CollectibilityRules.ByDaysPastDue(days + more, p) >= CollectibilityRules.ByDaysPastDue(days, p)));

    [Fact]
    [Trait("Rule", "COL-02")]
    public void The_OJK_classes_follow_the_day_thresholds_inclusively() =>
        Rulebook.Verify(Prop.ForAll(Thresholds.SelectMany(p => NearEdges(p.DpkMaxDays, p.KurangLancarMaxDays, p.DiragukanMaxDays, 400).Select(d => (p, d))).ToArbitrary(), t =>
        {
            var (p, days) = t;
            var expected = days == 0 ? Collectibility.Lancar
                : days <= p.DpkMaxDays ? Collectibility.DalamPerhatianKhusus
                : days <= p.KurangLancarMaxDays ? Collectibility.KurangLancar
                : days <= p.DiragukanMaxDays ? Collectibility.Diragukan
                : Collectibility.Macet;
            return CollectibilityRules.ByDaysPastDue(days, p) == expected;
        }));

    [Fact]
    [Trait("Rule", "COL-02")]
    public void The_provision_is_the_class_rate_of_the_outstanding_principal_truncated_to_whole_rupiah() =>
        Rulebook.Verify(Prop.ForAll(Gen.Choose(1, 5).ToArbitrary(), Gen.Choose(0, int.MaxValue).ToArbitrary(), (k, principal) =>
        {
            var kol = (Collectibility)k;
            var rate = Profile.Collectibility.Provisions[k - 1];
            var provision = CollectibilityRules.Provision(kol, Rupiah.Of(principal), Profile.Collectibility);
            var exact = (decimal)principal * rate.BasisPoints / 10_000m;
            return provision.Amount == decimal.Truncate(exact) && CollectibilityRules.ProvisionRate(kol, Profile.Collectibility) == rate;
        }));

    [Fact]
    [Trait("Rule", "COL-02")]
    public void Days_past_due_count_from_the_oldest_unpaid_installment() =>
        Rulebook.Verify(Prop.ForAll(Account.SelectMany(a => AsOfDateFor(a).Select(d => (a, d))).ToArbitrary(), t =>
        {
            var (account, asOf) = t;
            var status = account.StatusAsOf(asOf);
            var oldest = account.InstallmentsAsOf(asOf).FirstOrDefault(i => i.IsOverdue);
            return oldest.Installment.Number == 0
                ? status.DaysPastDue == 0 && status.InstallmentsOverdue == 0
                : status.DaysPastDue == NodaTime.Period.DaysBetween(oldest.Installment.DueDate, asOf) && status.DaysPastDue > 0;
        }));
}
