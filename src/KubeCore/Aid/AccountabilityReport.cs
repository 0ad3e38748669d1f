using System.Text.Json.Serialization;
using KubeCore.Common;
using KubeCore.Rules;
using NodaTime;

namespace KubeCore.Aid;

/// <summary>What a grant was spent on, as the LPJ lists it (AID-03).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SpendCategory>))]
public enum SpendCategory
{
    /// <summary>Barang modal: capital goods for the group's business (UEP).</summary>
    CapitalGoods = 1,

    /// <summary>Bahan baku: raw materials and stock.</summary>
    RawMaterials = 2,

    /// <summary>Ternak: livestock.</summary>
    Livestock = 3,

    /// <summary>Peralatan: tools and equipment.</summary>
    Equipment = 4,

    /// <summary>Operasional: running costs (transport, rent, utilities).</summary>
    Operations = 5,

    /// <summary>Pelatihan: training.</summary>
    Training = 6,

    /// <summary>Lainnya: anything else, described in the spend.</summary>
    Other = 7,
}

/// <summary>One spend of a grant, backed by a receipt (nota/kuitansi).</summary>
/// <param name="Date">The spend date.</param>
/// <param name="Category">What it was spent on.</param>
/// <param name="Amount">The amount, positive whole rupiah.</param>
/// <param name="ReceiptReference">The receipt's reference, unique within the report.</param>
/// <param name="Description">What was bought.</param>
public sealed record AidSpend(LocalDate Date, SpendCategory Category, Rupiah Amount, string ReceiptReference, string Description);

/// <summary>Where an LPJ stands on a date.</summary>
public enum LpjStatus
{
    /// <summary>Open and not yet due.</summary>
    Open = 1,

    /// <summary>Open past its due date.</summary>
    Overdue = 2,

    /// <summary>Submitted on or before its due date.</summary>
    Submitted = 3,

    /// <summary>Submitted after its due date.</summary>
    SubmittedLate = 4,
}

/// <summary>The figures of an LPJ on a date: grant, spends by category, remaining balance, due date, status.</summary>
/// <param name="Grant">The grant received.</param>
/// <param name="SpentByCategory">Spends up to the date, by category (categories with no spend are absent).</param>
/// <param name="Spent">Total spent up to the date.</param>
/// <param name="Remaining">Grant minus spends; never negative.</param>
/// <param name="DueOn">The due date.</param>
/// <param name="Status">The status on the date.</param>
/// <param name="SpendCount">Number of spends up to the date.</param>
public sealed record LpjSummary(Rupiah Grant, IReadOnlyDictionary<SpendCategory, Rupiah> SpentByCategory, Rupiah Spent, Rupiah Remaining, LocalDate DueOn, LpjStatus Status, int SpendCount);

/// <summary>
/// The laporan pertanggungjawaban (LPJ) of one grant (AID-03): every spend has a receipt reference (unique, so
/// a receipt is never claimed twice), spends never exceed the grant, and the report lists the grant, spends by
/// category and the remaining balance. It is due <c>Aid.LpjDuePeriod</c> after disbursement (default 21 days).
/// </summary>
/// <remarks>A submitted report is final: later spends are refused. Refused operations change nothing.</remarks>
public sealed class AccountabilityReport
{
    private readonly List<AidSpend> _spends = [];
    private readonly HashSet<string> _receipts = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<AccountabilityReportFact> _changes = [];

    private AccountabilityReport(GroupId groupId, Rupiah grant, LocalDate disbursedOn, LocalDate dueOn, string profileId)
    {
        GroupId = groupId;
        Grant = grant;
        DisbursedOn = disbursedOn;
        DueOn = dueOn;
        ProfileId = profileId;
    }

    /// <summary>The group that received the grant.</summary>
    public GroupId GroupId { get; }

    /// <summary>The grant amount.</summary>
    public Rupiah Grant { get; }

    /// <summary>The disbursement date.</summary>
    public LocalDate DisbursedOn { get; }

    /// <summary>The due date: disbursement plus the profile's LPJ period.</summary>
    public LocalDate DueOn { get; }

    /// <summary>The profile whose LPJ period applied.</summary>
    public string ProfileId { get; }

    /// <summary>The spends, in the order recorded.</summary>
    public IReadOnlyList<AidSpend> Spends => _spends;

    /// <summary>Total spent.</summary>
    public Rupiah Spent { get; private set; }

    /// <summary>Grant minus spends, never negative.</summary>
    public Rupiah Remaining => Grant - Spent;

    /// <summary>The submission date, or null while open.</summary>
    public LocalDate? SubmittedOn { get; private set; }

    /// <summary>Opens the LPJ of a grant disbursed on <paramref name="disbursedOn"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="profile"/> is null.</exception>
    /// <exception cref="RuleViolationException">AID-03: the grant is 0 or less (<see cref="AidErrors.GrantNotPositive"/>).</exception>
    public static AccountabilityReport Open(GroupId groupId, Rupiah grant, LocalDate disbursedOn, ProgramProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        if (!grant.IsPositive)
        {
            throw new RuleViolationException(RuleViolation.Of(RuleIds.Aid03, AidErrors.GrantNotPositive, ("Grant", grant)));
        }
        return new AccountabilityReport(groupId, grant, disbursedOn, disbursedOn.Plus(profile.Aid.LpjDuePeriod), profile.Id);
    }

    /// <summary>Records a spend (AID-03).</summary>
    /// <exception cref="ArgumentNullException">The spend is null.</exception>
    /// <exception cref="RuleViolationException">No receipt reference, a receipt already claimed, a non-positive amount,
    /// a date before disbursement, a spend above the remaining grant, or a submitted report.</exception>
    public void RecordSpend(AidSpend spend)
    {
        ArgumentNullException.ThrowIfNull(spend);
        var violation = CheckSpend(spend);
        if (violation is not null)
        {
            throw new RuleViolationException(violation);
        }
        Record(new AidSpendRecorded(spend));
    }

    /// <summary>Submits the report on <paramref name="date"/>; afterwards it takes no spend.</summary>
    /// <exception cref="RuleViolationException">Already submitted, or dated before the last spend or the disbursement.</exception>
    public void Submit(LocalDate date)
    {
        if (CheckNotSubmitted() is { } submitted)
        {
            throw new RuleViolationException(submitted);
        }
        var earliest = _spends.Count == 0 ? DisbursedOn : LocalDate.Max(DisbursedOn, _spends.Max(s => s.Date));
        if (date < earliest)
        {
            throw new RuleViolationException(RuleViolation.Of(RuleIds.Aid03, AidErrors.SubmittedBeforeLastSpend, ("Date", date), ("Earliest", earliest)));
        }
        Record(new AccountabilityReportSubmitted(date));
    }

    /// <summary>
    /// Restores an LPJ from its stored state (issue #13), checking structure only: the format, the group, a positive
    /// grant, a due date not before the disbursement, and spends that each have a positive amount, a known category and a
    /// receipt reference claimed once, together never above the grant. Spend dates and the submission date are not
    /// re-judged. The profile is not needed: the due date is stored.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="state"/> is null.</exception>
    /// <exception cref="StateRestoreException">The state is broken or in another format.</exception>
    public static AccountabilityReport Restore(AccountabilityReportState state) => Restore(state, []);

    /// <summary>Restores an LPJ from a stored state and the changes taken after it (<see cref="TakeChanges"/>), in order, with structural checks only.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="StateRestoreException">The state or a change (<c>Changes[i]</c>) is broken.</exception>
    public static AccountabilityReport Restore(AccountabilityReportState state, IEnumerable<AccountabilityReportFact> changes)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(changes);
        StateRestoreException.CheckFormat(Aggregate, state.Format, AccountabilityReportState.CurrentFormat);
        StateRestoreException.Check(state.GroupId.Value != Guid.Empty, Aggregate, "GroupId", "the group id is empty");
        StateRestoreException.Check(state.Grant.IsPositive, Aggregate, "Grant", "the grant is not positive");
        StateRestoreException.Check(state.DueOn >= state.DisbursedOn, Aggregate, "DueOn", "due before the disbursement");
        StateRestoreException.Check(state.ProfileId is not null, Aggregate, "ProfileId", "the profile id is missing");
        StateRestoreException.Check(state.Spends is not null, Aggregate, "Spends", "the spends are missing");
        var report = new AccountabilityReport(state.GroupId, state.Grant, state.DisbursedOn, state.DueOn, state.ProfileId!);
        for (var i = 0; i < state.Spends!.Count; i++)
        {
            report.ApplyStored(new AidSpendRecorded(state.Spends[i]), $"Spends[{i}]", $"Spends[{i}].");
        }
        if (state.SubmittedOn is { } submitted)
        {
            report.ApplyStored(new AccountabilityReportSubmitted(submitted), "SubmittedOn", string.Empty);
        }
        var c = 0;
        foreach (var change in changes)
        {
            var part = $"Changes[{c++}]";
            report.ApplyStored(change, part, part + ".Spend.");
        }
        return report;
    }

    /// <summary>The LPJ's state, to store (issue #13): plain data that <see cref="Restore(AccountabilityReportState)"/> reads back.</summary>
    public AccountabilityReportState ToState() =>
        new(AccountabilityReportState.CurrentFormat, GroupId, Grant, DisbursedOn, DueOn, ProfileId, [.. _spends], SubmittedOn);

    /// <summary>
    /// The changes since the LPJ was opened or restored, or since the last call, in order; taking them clears them.
    /// Store them with a state to restore this LPJ.
    /// </summary>
    public IReadOnlyList<AccountabilityReportFact> TakeChanges()
    {
        var taken = _changes.ToArray();
        _changes.Clear();
        return taken;
    }

    private const string Aggregate = nameof(AccountabilityReport);

    // Live operations: the rules passed; the fact is the change.
    private void Record(AccountabilityReportFact change)
    {
        Apply(change);
        _changes.Add(change);
    }

    // A stored change: structure checked, then applied, not recorded as new.
    private void ApplyStored(AccountabilityReportFact? change, string part, string prefix)
    {
        StateRestoreException.Check(change is not null, Aggregate, part, "the change is missing");
        switch (change)
        {
            case AidSpendRecorded f:
                StateRestoreException.Check(SubmittedOn is null, Aggregate, part, "a spend after the submission");
                var spend = f.Spend;
                StateRestoreException.Check(spend is not null && spend.Description is not null, Aggregate, part, "the spend or its description is missing");
                StateRestoreException.Check(spend!.Amount.IsPositive, Aggregate, prefix + "Amount", "the amount is not positive");
                StateRestoreException.Check(Enum.IsDefined(spend.Category), Aggregate, prefix + "Category", $"category {(int)spend.Category} is unknown");
                StateRestoreException.Check(!string.IsNullOrWhiteSpace(spend.ReceiptReference), Aggregate, prefix + "ReceiptReference", "the receipt reference is blank");
                StateRestoreException.Check(!_receipts.Contains(spend.ReceiptReference.Trim()), Aggregate, prefix + "ReceiptReference",
                    $"receipt {spend.ReceiptReference.Trim()} is claimed twice");
                StateRestoreException.Check(spend.Amount <= Remaining, Aggregate, prefix + "Amount", $"the spends exceed the grant {Grant}");
                break;
            case AccountabilityReportSubmitted:
                StateRestoreException.Check(SubmittedOn is null, Aggregate, part, "submitted twice");
                break;
            default:
                throw StateRestoreException.Broken(Aggregate, part, $"unknown change {change!.GetType().Name}");
        }
        Apply(change);
    }

    // The one path that changes an LPJ, live and on restore.
    private void Apply(AccountabilityReportFact change)
    {
        switch (change)
        {
            case AidSpendRecorded f:
                _spends.Add(f.Spend);
                _receipts.Add(f.Spend.ReceiptReference.Trim());
                Spent += f.Spend.Amount;
                break;
            case AccountabilityReportSubmitted f:
                SubmittedOn = f.SubmittedOn;
                break;
            default:
                throw new ArgumentException($"Unknown change {change.GetType().Name}.", nameof(change));
        }
    }

    /// <summary>The status on <paramref name="date"/>.</summary>
    public LpjStatus StatusOn(LocalDate date) => SubmittedOn switch
    {
        { } submitted when submitted <= date => submitted <= DueOn ? LpjStatus.Submitted : LpjStatus.SubmittedLate,
        _ => date > DueOn ? LpjStatus.Overdue : LpjStatus.Open,
    };

    /// <summary>The report's figures as of <paramref name="date"/> (spends dated after it are left out).</summary>
    public LpjSummary SummaryOn(LocalDate date)
    {
        var byCategory = new SortedDictionary<SpendCategory, Rupiah>();
        var spent = Rupiah.Zero;
        var count = 0;
        foreach (var spend in _spends)
        {
            if (spend.Date > date)
            {
                continue;
            }
            byCategory[spend.Category] = byCategory.GetValueOrDefault(spend.Category) + spend.Amount;
            spent += spend.Amount;
            count++;
        }
        return new LpjSummary(Grant, byCategory, spent, Grant - spent, DueOn, StatusOn(date), count);
    }

    // AID-03: a submitted report takes nothing more.
    private RuleViolation? CheckNotSubmitted() =>
        SubmittedOn is null ? null : RuleViolation.Of(RuleIds.Aid03, AidErrors.ReportAlreadySubmitted, ("SubmittedOn", SubmittedOn));

    /// <summary>
    /// AID-03: every spend has a receipt reference. The violation (<see cref="AidErrors.ReceiptMissing"/>) when
    /// <paramref name="receiptReference"/> is null or blank as <see cref="ReadableName.IsBlank"/> judges it (white space,
    /// invisible characters and controls only). The one check behind the LPJ, its validator and the ledger's grant spend.
    /// </summary>
    internal static RuleViolation? CheckReceipt(string? receiptReference, Rupiah amount) =>
        ReadableName.IsBlank(receiptReference) ? RuleViolation.Of(RuleIds.Aid03, AidErrors.ReceiptMissing, ("Amount", amount)) : null;

    private RuleViolation? CheckSpend(AidSpend spend)
    {
        if (CheckNotSubmitted() is { } submitted)
        {
            return submitted;
        }
        if (CheckReceipt(spend.ReceiptReference, spend.Amount) is { } missing)
        {
            return missing;
        }
        if (_receipts.Contains(spend.ReceiptReference.Trim()))
        {
            return RuleViolation.Of(RuleIds.Aid03, AidErrors.ReceiptAlreadyClaimed, ("ReceiptReference", spend.ReceiptReference.Trim()));
        }
        if (!spend.Amount.IsPositive)
        {
            return RuleViolation.Of(RuleIds.Aid03, AidErrors.SpendNotPositive, ("Amount", spend.Amount));
        }
        if (spend.Date < DisbursedOn)
        {
            return RuleViolation.Of(RuleIds.Aid03, AidErrors.SpendBeforeDisbursement, ("Date", spend.Date), ("DisbursedOn", DisbursedOn));
        }
        if (spend.Amount > Remaining)
        {
            return RuleViolation.Of(RuleIds.Aid03, AidErrors.SpendAboveGrant, ("Amount", spend.Amount), ("Remaining", Remaining));
        }
        return null;
    }
}
