using KubeCore.Aid;
using KubeCore.Common;
using KubeCore.Compliance;
using KubeCore.Groups;
using KubeCore.Rules;
using KubeCore.Tests.Builders;
using KubeCore.Tests.Conventions;
using NodaTime;

namespace KubeCore.Tests.Examples;

/// <summary>
/// AID-01: an active group "KUBE Maju Bersama" of <c>members</c> member households (default 10), its grant decided on
/// <c>date</c> to an account held by <c>account_holder</c> (default the group's name). Figure: <c>grant</c>, the
/// amount in force on the date for that many households.
/// </summary>
internal sealed class Aid01Examples : ExampleRunner
{
    private const string GroupName = "KUBE Maju Bersama";

    public override RuleId Rule => RuleIds.Aid01;

    internal override ExampleResult Run(WorkedExample example)
    {
        var members = example.Int("members", 10);
        var group = new TestGroup(example.ProgramProfile, members);
        var date = example.Date("date");
        AidGrants.Decide(group, GroupName, example.Text("account_holder", GroupName), date).ThrowIfRejected();
        return Accepted(("grant", AidGrants.AmountOn(example.ProgramProfile, date, members)!.Value));
    }
}

/// <summary>
/// AID-02: a candidate group with <c>status</c> (default Active) active since <c>active_since</c> at <c>stage</c>
/// (default Tumbuh), judged on <c>as_of</c>; or a selection of <c>slots</c> among candidates given as parallel lists
/// <c>stages</c>, <c>since</c> and <c>savings</c>, judged on <c>as_of</c>. Figures: <c>eligible</c>; for a selection,
/// <c>selected</c> (the candidates' 1-based positions in rank order, comma-separated).
/// </summary>
internal sealed class Aid02Examples : ExampleRunner
{
    public override RuleId Rule => RuleIds.Aid02;

    internal override ExampleResult Run(WorkedExample example)
    {
        var asOf = example.Date("as_of");
        if (example.Has("slots"))
        {
            var stages = example.List("stages");
            var since = example.List("since");
            var savings = example.List("savings");
            var candidates = stages.Select((s, i) => new DevelopmentAidCandidate(GroupId.New(), GroupStatus.Active, WorkedExample.ParseDate(since[i]),
                Enum.Parse<GroupStage>(s), Rupiah.Of(WorkedExample.ParseLong(savings[i])))).ToList();
            var selection = DevelopmentAid.Select(candidates, example.Int("slots"), example.ProgramProfile, asOf);
            var chosen = selection.Candidates.Where(c => c.Selected).OrderBy(c => c.Rank).Select(c => candidates.IndexOf(c.Candidate) + 1);
            return Accepted(("selected", string.Join(',', chosen)));
        }
        var candidate = new DevelopmentAidCandidate(GroupId.New(), example.Enum("status", GroupStatus.Active), example.Date("active_since"),
            example.Enum("stage", GroupStage.Tumbuh), Rupiah.Of(example.Long("savings", 1_000_000)));
        var decision = DevelopmentAid.CheckEligibility(candidate, example.ProgramProfile, asOf);
        decision.ThrowIfRejected();
        return Accepted(("eligible", decision.IsApproved));
    }
}

/// <summary>
/// AID-03: an LPJ of a <c>grant</c> (default 20.000.000) disbursed on <c>disbursed_on</c> (default 2020-02-03) records
/// spends of <c>spends</c> (amounts, capital goods, dated <c>spend_after_days</c> after disbursement, default 1, with
/// receipts NOTA-1, NOTA-2, …, or all <c>receipt</c> when given); it is submitted <c>submit_after_days</c> after
/// disbursement when given (twice with <c>submit_twice</c>). Figures: <c>spent</c>, <c>remaining</c>, <c>due_on</c>,
/// and <c>status</c> on <c>status_after_days</c> (default 0) after disbursement.
/// </summary>
internal sealed class Aid03Examples : ExampleRunner
{
    public override RuleId Rule => RuleIds.Aid03;

    internal override ExampleResult Run(WorkedExample example)
    {
        var disbursed = example.Date("disbursed_on", new LocalDate(2020, 2, 3));
        var report = AccountabilityReport.Open(GroupId.New(), Rupiah.Of(example.Long("grant", 20_000_000)), disbursed, example.ProgramProfile);
        var spendOn = disbursed.PlusDays(example.Int("spend_after_days", 1));
        var amounts = example.List("spends").Select(WorkedExample.ParseLong).ToList();
        for (var i = 0; i < amounts.Count; i++)
        {
            report.RecordSpend(new AidSpend(spendOn, SpendCategory.CapitalGoods, Rupiah.Of(amounts[i]), example.Text("receipt", $"NOTA-{i + 1}"), "pembelian alat usaha"));
        }
        if (example.Has("submit_after_days"))
        {
            var submitOn = disbursed.PlusDays(example.Int("submit_after_days"));
            report.Submit(submitOn);
            if (example.Bool("submit_twice", false))
            {
                report.Submit(submitOn);
            }
        }
        return Accepted(("spent", report.Spent), ("remaining", report.Remaining), ("due_on", report.DueOn),
            ("status", report.StatusOn(disbursed.PlusDays(example.Int("status_after_days", 0)))));
    }
}
