using FsCheck;
using FsCheck.Fluent;
using KubeCore.Common;
using KubeCore.Loans;
using KubeCore.Rules;
using NodaTime;

namespace KubeCore.Tests.Builders;

/// <summary>Builds loan terms, schedules and accounts for tests.</summary>
public sealed class LoanAccountBuilder
{
    private Rupiah _principal = Rupiah.Of(500_000);
    private int _termMonths = 3;
    private InstallmentFrequency _frequency = InstallmentFrequency.Weekly;
    private Rate _rate = Rate.FromPercent(1.5m);
    private LocalDate _disbursedOn = new(2017, 2, 6);
    private readonly List<Payment> _payments = [];

    public LoanAccountBuilder Of(long principal) { _principal = Rupiah.Of(principal); return this; }

    public LoanAccountBuilder Over(int months, InstallmentFrequency frequency) { _termMonths = months; _frequency = frequency; return this; }

    public LoanAccountBuilder At(decimal percentPerMonth) { _rate = Rate.FromPercent(percentPerMonth); return this; }

    public LoanAccountBuilder DisbursedOn(LocalDate date) { _disbursedOn = date; return this; }

    public LoanAccountBuilder Paying(LocalDate date, long amount) { _payments.Add(new Payment(date, Rupiah.Of(amount))); return this; }

    /// <summary>Pays every installment in full on its due date, for the first <paramref name="count"/> installments.</summary>
    public LoanAccountBuilder PayingOnTime(int count)
    {
        var schedule = Schedule();
        foreach (var installment in schedule.Installments.Take(count))
        {
            _payments.Add(new Payment(installment.DueDate, installment.Amount));
        }
        return this;
    }

    public LoanTerms Terms() => LoanTerms.Of(_principal, _termMonths, _frequency, _rate);

    public RepaymentSchedule Schedule() => RepaymentSchedule.Compute(Terms(), _disbursedOn);

    public LoanAccount Build()
    {
        var account = LoanAccount.Open(Schedule());
        foreach (var payment in _payments)
        {
            account = account.Record(payment.Date, payment.Amount);
        }
        return account;
    }
}

/// <summary>Generators of loans and payment histories, valid by construction.</summary>
public static class LoanGenerators
{
    public static LoanAccountBuilder ALoan() => new();

    public static Gen<InstallmentFrequency> Frequency => Gen.Elements(InstallmentFrequency.Weekly, InstallmentFrequency.Monthly);

    public static Gen<LocalDate> DisbursementDate =>
        from days in Gen.Choose(0, 6_000)
        select new LocalDate(2010, 1, 1).PlusDays(days);

    /// <summary>Any calculable terms: principal Rp 1 .. Rp 50.000.000, 1..36 months, 0..5 % a month.</summary>
    public static Gen<LoanTerms> Terms =>
        from principal in Gen.Frequency((1, Gen.Choose(1, 500)), (6, Gen.Choose(1, 50_000_000)))
        from months in Gen.Choose(1, 36)
        from frequency in Frequency
        from bp in Gen.Frequency((1, Gen.Constant(0)), (1, Gen.Constant(150)), (3, Gen.Choose(0, 500)))
        select LoanTerms.Of(Rupiah.Of(principal), months, frequency, Rate.FromBasisPoints(bp));

    public static Gen<RepaymentSchedule> Schedule =>
        from terms in Terms
        from start in DisbursementDate
        select RepaymentSchedule.Compute(terms, start);

    /// <summary>
    /// A payment history of a schedule: dates in order from disbursement to some weeks after maturity,
    /// amounts around the installment (partial, full, double), capped at what is still owed.
    /// </summary>
    public static Gen<IReadOnlyList<Payment>> PaymentsFor(RepaymentSchedule schedule)
    {
        var span = Period.DaysBetween(schedule.DisbursedOn, schedule.MaturityDate) + 90;
        var installment = (int)Math.Min(int.MaxValue / 3, Math.Max(1, schedule.RegularInstallment.Amount));
        var payment =
            from offset in Gen.Choose(0, span)
            from amount in Gen.Frequency(
                (3, Gen.Constant(installment)),
                (2, Gen.Choose(1, installment)),
                (1, Gen.Choose(installment, installment * 3)))
            select (offset, amount);
        return
            from raw in Gen.Choose(0, schedule.Count + 4).SelectMany(n => payment.ListOf(n))
            select Cap(schedule, raw);
    }

    private static IReadOnlyList<Payment> Cap(RepaymentSchedule schedule, IEnumerable<(int Offset, int Amount)> raw)
    {
        var owed = schedule.Total.Amount;
        var result = new List<Payment>();
        foreach (var (offset, amount) in raw.OrderBy(p => p.Offset))
        {
            var pay = Math.Min(amount, owed);
            if (pay <= 0)
            {
                break;
            }
            result.Add(new Payment(schedule.DisbursedOn.PlusDays(offset), Rupiah.Of(pay)));
            owed -= pay;
        }
        return result;
    }

    /// <summary>A loan account with a random payment history.</summary>
    public static Gen<LoanAccount> Account =>
        from schedule in Schedule
        from payments in PaymentsFor(schedule)
        select RecordAll(schedule, payments);

    public static LoanAccount RecordAll(RepaymentSchedule schedule, IEnumerable<Payment> payments)
    {
        var account = LoanAccount.Open(schedule);
        foreach (var payment in payments)
        {
            account = account.Record(payment.Date, payment.Amount);
        }
        return account;
    }

    /// <summary>A date between the disbursement and some months after maturity.</summary>
    public static Gen<LocalDate> AsOfDateFor(LoanAccount account) =>
        Gen.Choose(0, Period.DaysBetween(account.Schedule.DisbursedOn, account.Schedule.MaturityDate) + 120)
            .Select(d => account.Schedule.DisbursedOn.PlusDays(d));

    /// <summary>A portfolio of up to 30 loans (possibly empty) with random histories.</summary>
    public static Gen<IReadOnlyList<LoanAccount>> Portfolio =>
        Gen.Choose(0, 30).SelectMany(n => Account.ListOf(n)).Select(l => (IReadOnlyList<LoanAccount>)l.ToList());

    public static ProgramProfile Profile => ProgramProfiles.KsmP2kp;
}

/// <summary>A small settable <see cref="KubeCore.Groups.IGroupStanding"/> for loan tests (the Group aggregate lives elsewhere).</summary>
public sealed class LoanTestGroup : KubeCore.Groups.IGroupStanding
{
    private readonly List<PersonId> _members = [];
    private readonly Dictionary<KubeCore.Groups.OfficerRole, PersonId> _officers = [];

    public LoanTestGroup(ProgramProfile profile, int memberCount)
    {
        Profile = profile;
        for (var i = 0; i < memberCount; i++)
        {
            _members.Add(PersonId.New());
        }
        _officers[KubeCore.Groups.OfficerRole.Ketua] = _members[0];
        _officers[KubeCore.Groups.OfficerRole.Sekretaris] = _members[1];
        _officers[KubeCore.Groups.OfficerRole.Bendahara] = _members[2];
    }

    public GroupId Id { get; } = GroupId.New();

    public ProgramProfile Profile { get; set; }

    public KubeCore.Groups.GroupStatus Status { get; set; } = KubeCore.Groups.GroupStatus.Active;

    public IReadOnlyCollection<PersonId> CurrentMembers => _members;

    public IReadOnlyList<PersonId> Members => _members;

    public PersonId Ketua => _officers[KubeCore.Groups.OfficerRole.Ketua];

    public PersonId Sekretaris => _officers[KubeCore.Groups.OfficerRole.Sekretaris];

    public PersonId Bendahara => _officers[KubeCore.Groups.OfficerRole.Bendahara];

    /// <summary>Ordinary members (not officers).</summary>
    public IReadOnlyList<PersonId> Ordinary => _members.Where(m => !_officers.ContainsValue(m)).ToList();

    public PersonId? OfficerHolding(KubeCore.Groups.OfficerRole role) => _officers.TryGetValue(role, out var p) ? p : null;

    public void Vacate(KubeCore.Groups.OfficerRole role) => _officers.Remove(role);

    public PersonId Join()
    {
        var member = PersonId.New();
        _members.Add(member);
        return member;
    }
}

/// <summary>Builds a group's revolving fund on a ledger with a savings history.</summary>
public sealed class LoanFundBuilder
{
    /// <summary>Monday 30 January 2017, the day after the KSM training of BKM Guyub Rukun (seed 004).</summary>
    public static readonly LocalDate GuyubRukunStart = new(2017, 1, 30);

    private ProgramProfile _profile = ProgramProfiles.KsmP2kp;
    private int _members = 10;
    private LocalDate _start = GuyubRukunStart;
    private int _savingsWeeks = 14;
    private long _weekly = 5_000;
    private long _capital = 1_000_000;
    private long _iks;
    private bool _sign = true;

    public LoanFundBuilder WithProfile(ProgramProfile profile) { _profile = profile; return this; }

    public LoanFundBuilder WithMembers(int members) { _members = members; return this; }

    public LoanFundBuilder StartingOn(LocalDate start) { _start = start; return this; }

    /// <summary>Every member deposits the weekly amount on each of the first <paramref name="weeks"/> Mondays.</summary>
    public LoanFundBuilder SavingWeekly(int weeks, long amount = 5_000) { _savingsWeeks = weeks; _weekly = amount; return this; }

    public LoanFundBuilder WithCapital(long capital) { _capital = capital; return this; }

    /// <summary>Books a business profit whose IKS share is <paramref name="iks"/>.</summary>
    public LoanFundBuilder WithIks(long iks) { _iks = iks; return this; }

    public LoanFundBuilder WithoutStatements() { _sign = false; return this; }

    /// <summary>The first date after the savings history (the Monday after the last deposit).</summary>
    public LocalDate SavingsEnd => _start.PlusWeeks(_savingsWeeks);

    public (LoanTestGroup Group, KubeCore.Savings.SavingsLedger Ledger, LoanRevolving Fund) Build()
    {
        var group = new LoanTestGroup(_profile, _members);
        var ledger = KubeCore.Savings.SavingsLedger.Open(group, _start, EntryId.New());
        var fund = LoanRevolving.Open(group, ledger);
        if (_capital > 0)
        {
            ledger.AddLoanCapital(HostToday.Of(_start), _start, Rupiah.Of(_capital), "modal dana bergulir");
        }
        if (_iks > 0)
        {
            var share = group.Profile.Savings.IksShareOfProfit;
            var profit = (_iks * Rate.BasisPointsPerWhole) / share.BasisPoints;
            while (share.Of(Rupiah.Of(profit)).Amount < _iks)
            {
                profit++;
            }
            ledger.RecordBusinessProfit(HostToday.Of(_start), _start, Rupiah.Of(profit), "laba usaha");
        }
        if (_sign)
        {
            foreach (var member in group.Members)
            {
                fund.SignJointLiabilityStatement(member, _start, "Pernyataan kesanggupan tanggung renteng");
            }
        }
        for (var w = 0; w < _savingsWeeks; w++)
        {
            foreach (var member in group.Members)
            {
                ledger.Deposit(HostToday.Of(_start.PlusWeeks(w)), _start.PlusWeeks(w), member, Rupiah.Of(_weekly), "tabungan rutin mingguan");
            }
        }
        fund.ClearEvents();
        return (group, ledger, fund);
    }
}

/// <summary>Helpers to take loans through their life in tests.</summary>
public static class LoanFundSteps
{
    public static MeetingDecisionFor Approval(LoanTestGroup group, LoanId loan, LocalDate date, int? present = null, DecisionKindFor kind = DecisionKindFor.Approval) =>
        new(new KubeCore.Meetings.MeetingDecision(
            MeetingId.New(), group.Id, date,
            kind == DecisionKindFor.Approval ? KubeCore.Meetings.DecisionKind.LoanApproval : KubeCore.Meetings.DecisionKind.Other,
            loan.ToString(), group.Members.Take(present ?? group.Members.Count).ToList(), group.Members.Count,
            group.Profile.Meetings.IsQuorum(present ?? group.Members.Count, group.Members.Count), group.Profile.Id)
        {
            Loan = kind == DecisionKindFor.Approval ? loan : null,
        });

    public static Loan ApplyFor(this LoanRevolving fund, PersonId member, long principal, LocalDate date, int months = 3, InstallmentFrequency frequency = InstallmentFrequency.Weekly) =>
        fund.Apply(new LoanApplication(LoanId.New(), member, Rupiah.Of(principal), months, frequency, "modal usaha warung", date));

    public static Loan ApproveAtMeeting(this LoanRevolving fund, LoanTestGroup group, Loan loan, LocalDate date) =>
        fund.Approve(loan.Id, Approval(group, loan.Id, date).Decision, loan.Borrower == group.Ketua ? group.Sekretaris : group.Ketua);

    /// <summary>Applies, approves and disburses on <paramref name="date"/>.</summary>
    public static Loan Lend(this LoanRevolving fund, LoanTestGroup group, PersonId member, long principal, LocalDate date, int months = 3, InstallmentFrequency frequency = InstallmentFrequency.Weekly)
    {
        var loan = fund.ApplyFor(member, principal, date, months, frequency);
        fund.ApproveAtMeeting(group, loan, date);
        return fund.Disburse(HostToday.Of(date), loan.Id, date);
    }

    /// <summary>Pays the loan's installments due on or before <paramref name="through"/>, each on its due date.</summary>
    public static void PayOnTime(this LoanRevolving fund, Loan loan, LocalDate through)
    {
        foreach (var installment in loan.Schedule!.Installments.Where(i => i.DueDate <= through))
        {
            var unpaid = fund.GetLoan(loan.Id).Account!.InstallmentsAsOf(installment.DueDate)[installment.Number - 1].Unpaid;
            if (unpaid.IsPositive)
            {
                fund.Repay(HostToday.Of(installment.DueDate), loan.Id, installment.DueDate, unpaid);
            }
        }
    }
}

public enum DecisionKindFor
{
    Approval,
    Other,
}

public sealed record MeetingDecisionFor(KubeCore.Meetings.MeetingDecision Decision);
