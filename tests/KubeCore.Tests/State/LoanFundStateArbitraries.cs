using FsCheck;
using FsCheck.Fluent;
using KubeCore.Common;
using KubeCore.Loans;
using KubeCore.Meetings;
using KubeCore.Rules;
using KubeCore.Savings;
using KubeCore.Tests.Builders;
using KubeCore.Tests.Support;
using NodaTime;

namespace KubeCore.Tests.State;

/// <summary>What one step of a fund's history does.</summary>
public enum FundOpKind
{
    Apply,
    Approve,
    Disburse,
    Repay,
    Cover,
    Recover,
    Withdraw,
    Sign,
    Upk,
    Deposit,
}

/// <summary>One step: its kind, the days it comes after the previous step, and numbers that pick its member, loan, amount and variant.</summary>
public readonly record struct FundOp(FundOpKind Kind, int Days, int Pick, int Amount, int Variant);

/// <summary>A history of fund operations (valid and invalid ones) and the step before which it is saved and restored.</summary>
public sealed record FundScript(FundOp[] Ops, int SaveAt)
{
    public override string ToString() => $"FundScript {{ SaveAt = {SaveAt}, Ops = [{string.Join("; ", Ops)}] }}";
}

public static class LoanFundStateArbitraries
{
    private static Gen<FundOp> Op =>
        from kind in Gen.Frequency(
            (6, Gen.Constant(FundOpKind.Apply)),
            (4, Gen.Constant(FundOpKind.Approve)),
            (4, Gen.Constant(FundOpKind.Disburse)),
            (6, Gen.Constant(FundOpKind.Repay)),
            (3, Gen.Constant(FundOpKind.Cover)),
            (3, Gen.Constant(FundOpKind.Recover)),
            (1, Gen.Constant(FundOpKind.Withdraw)),
            (4, Gen.Constant(FundOpKind.Sign)),
            (1, Gen.Constant(FundOpKind.Upk)),
            (2, Gen.Constant(FundOpKind.Deposit)))
        from days in Gen.Frequency((4, Gen.Choose(0, 7)), (1, Gen.Choose(8, 45)))
        from pick in Gen.Choose(0, 1_000)
        from amount in Gen.Choose(1, 250_000)
        from variant in Gen.Choose(0, 1_000)
        select new FundOp(kind, days, pick, amount, variant);

    public static Arbitrary<FundScript> Scripts() =>
        (from ops in Gen.Choose(1, 60).SelectMany(n => Op.ArrayOf(n))
         from saveAt in Gen.Choose(0, ops.Length)
         select new FundScript(ops, saveAt)).ToArbitrary();
}

/// <summary>
/// A group's fund driven by a <see cref="FundScript"/>: every run starts from the same ledger (restored from the same
/// state through JSON, so entry ids and hashes agree) and makes the same ids, so two runs of one script can be compared.
/// </summary>
public sealed class FundRun
{
    public static readonly LocalDate Start = new(2024, 1, 1);

    private readonly LoanTestGroup _group;
    private LocalDate _day;

    public FundRun(LoanTestGroup group, LedgerState start, LocalDate day)
    {
        _group = group;
        Ledger = SavingsLedger.Restore(StateJson.RoundTrip(start), group);
        Fund = LoanRevolving.Open(group, Ledger);
        _day = day;
    }

    public SavingsLedger Ledger { get; private set; }

    public LoanRevolving Fund { get; private set; }

    /// <summary>A group of 8 and its ledger's first state: loan fund capital and four months of small weekly savings by everyone.</summary>
    public static (LoanTestGroup Group, LedgerState Ledger, LocalDate Day) Base()
    {
        var group = new LoanTestGroup(ProgramProfiles.KsmP2kp, 8);
        var ledger = SavingsLedger.Open(group, Start, new EntryId(Guid.Parse("0f0e0d0c-0b0a-4909-8807-060504030201")));
        ledger.AddLoanCapital(HostToday.Of(Start), Start, Rupiah.Of(2_000_000), "modal");
        for (var w = 0; w < 18; w++)
        {
            foreach (var member in group.Members)
            {
                ledger.Deposit(HostToday.Of(Start.PlusWeeks(w)), Start.PlusWeeks(w), member, Rupiah.Of(1_000 + (w * 100)));
            }
        }
        return (group, ledger.ToState(), Start.PlusWeeks(18));
    }

    /// <summary>Saves the fund and the ledger (their states, through JSON) and carries on with what they restore to.</summary>
    public void SaveAndRestore()
    {
        var json = StateJson.Serialize(Fund.ToState());
        Ledger = SavingsLedger.Restore(StateJson.RoundTrip(Ledger.ToState()), _group);
        Fund = LoanRevolving.Restore(StateJson.Deserialize<LoanRevolvingState>(json), Ledger, _group);
    }

    /// <summary>Runs step <paramref name="index"/>; returns its outcome: the error codes, or the result with the new entries' ids and hashes and every loan's state.</summary>
    public string Step(FundOp op, int index)
    {
        _day = _day.PlusDays(op.Days);
        var before = Ledger.Count;
        string result;
        try
        {
            result = Do(op, index, HostToday.Of(_day));
        }
        catch (RuleViolationException e)
        {
            return "refused " + string.Join(",", e.Violations.Select(v => v.ErrorCode).Order(StringComparer.Ordinal));
        }
        catch (ArgumentException e)
        {
            return "argument " + e.GetType().Name;
        }
        var entries = string.Join(",", Ledger.Entries.Skip(before).Select(e => $"{e.Id}:{e.Hash}"));
        return $"{result} [{entries}] {string.Join(",", Fund.Loans.Select(l => $"{l.Id}:{l.State}"))} {Fund.AvailableToLend}";
    }

    public static Guid Id(int kind, int n) => new(n + 1, (short)kind, 0x4000, 0x80, 0, 0, 0, 0, 0, 0, 7);

    // Mostly a loan the operation fits (when there is one), sometimes any loan.
    private Loan Target(FundOp op, Func<Loan, bool> fits)
    {
        var candidates = Fund.Loans.Where(fits).ToList();
        return candidates.Count > 0 && op.Variant % 8 != 0 ? candidates[op.Pick % candidates.Count] : Fund.Loans[op.Pick % Fund.Loans.Count];
    }

    private string Do(FundOp op, int index, HostToday today)
    {
        var members = _group.Members;
        var member = members[op.Pick % members.Count];
        var loans = Fund.Loans;
        if (op.Kind is FundOpKind.Apply or FundOpKind.Sign or FundOpKind.Upk or FundOpKind.Deposit)
        {
            switch (op.Kind)
            {
                case FundOpKind.Apply:
                    {
                        var id = op.Variant % 9 == 0 && loans.Count > 0 ? loans[op.Variant % loans.Count].Id : new LoanId(Id(1, index));
                        long[] principals = [100_000, 250_000, 500_000, 600_000, 150_000];
                        int[] months = [3, 3, 6, 1, 12];
                        var frequency = op.Variant % 4 == 0 ? InstallmentFrequency.Monthly : InstallmentFrequency.Weekly;
                        var loan = Fund.Apply(new LoanApplication(id, member, Rupiah.Of(principals[op.Amount % 5]), months[op.Variant % 5], frequency, "modal usaha", _day));
                        return $"applied {loan.Id} #{loan.MemberLoanNumber}";
                    }
                case FundOpKind.Sign:
                    if (op.Variant % 3 == 0 && members.Where(m => Fund.StatementOf(m) is null).ToList() is { Count: > 1 } session)
                    {
                        // A signing session: everyone who has not signed yet.
                        return $"signed {string.Join(",", session.Select(m => Fund.SignJointLiabilityStatement(m, _day, "PKTR " + index).Member))}";
                    }
                    if (op.Variant % 4 != 0 && members.FirstOrDefault(m => Fund.StatementOf(m) is null) is { } unsigned && unsigned != default)
                    {
                        member = unsigned;
                    }
                    return $"signed {Fund.SignJointLiabilityStatement(member, _day, "PKTR " + index).Member}";
                case FundOpKind.Upk:
                    return $"upk {Fund.BorrowFromUpk(today, _day, Rupiah.Of(op.Amount * 4L)).Id}";
                default:
                    return $"deposit {Ledger.Deposit(today, _day, member, Rupiah.Of(op.Amount / 10 + 1)).Id}";
            }
        }
        if (loans.Count == 0)
        {
            return "no loan";
        }
        var target = Target(op, op.Kind switch
        {
            FundOpKind.Approve => l => l.State == LoanState.Applied,
            FundOpKind.Disburse => l => l.State == LoanState.Approved,
            FundOpKind.Repay or FundOpKind.Cover => l => l.State == LoanState.Disbursed,
            FundOpKind.Recover => l => l.WasDisbursed && Fund.RecoveryOwed(l.Id).IsPositive,
            _ => l => l.State is LoanState.Applied or LoanState.Approved,
        });
        switch (op.Kind)
        {
            case FundOpKind.Approve:
                {
                    var quorum = op.Variant % 6 != 0;
                    var present = members.Take(quorum ? members.Count : 2).ToList();
                    var decision = new MeetingDecision(new MeetingId(Id(2, index)), _group.Id, _day, DecisionKind.LoanApproval, target.Id.ToString(),
                        present, members.Count, _group.Profile.Meetings.IsQuorum(present.Count, members.Count), _group.Profile.Id);
                    var approver = op.Variant % 7 == 0 ? _group.Ordinary[0] : target.Borrower == _group.Ketua ? _group.Sekretaris : _group.Ketua;
                    return $"approved {Fund.Approve(target.Id, decision, approver).State}";
                }
            case FundOpKind.Disburse:
                return $"disbursed {Fund.Disburse(today, target.Id, _day).DisbursementEntry}";
            case FundOpKind.Repay:
                {
                    var amount = op.Variant % 3 == 0 && target.Schedule is { } schedule ? schedule.RegularInstallment : Rupiah.Of(op.Amount);
                    if (op.Variant % 11 == 0 && target.Account is { } account)
                    {
                        amount = account.Outstanding.IsPositive ? account.Outstanding : amount;
                    }
                    return $"repaid {Fund.Repay(today, target.Id, _day, amount)}";
                }
            case FundOpKind.Cover:
                {
                    var cover = Fund.CoverArrears(today, target.Id, _day);
                    return $"covered {cover.Covered} {cover.Shortfall} {string.Join(",", cover.Steps.Select(s => s.Entry))}";
                }
            case FundOpKind.Recover:
                {
                    var owed = Fund.RecoveryOwed(target.Id);
                    var amount = owed.IsPositive && op.Variant % 5 != 0 ? Rupiah.Of(Math.Min(owed.Amount, op.Amount)) : Rupiah.Of(op.Amount);
                    var recovery = Fund.Recover(today, target.Id, _day, amount);
                    return $"recovered {recovery.StillOwed} {string.Join(",", recovery.Lines.Select(l => $"{l.Claimant}:{l.Amount}"))}";
                }
            default:
                return $"withdrawn {Fund.Withdraw(target.Id, _day, "batal").State}";
        }
    }
}
