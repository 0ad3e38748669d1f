using System.Text.Json.Serialization;
using KubeCore.Common;
using NodaTime;

namespace KubeCore.Aid;

/// <summary>
/// The stored state of an <see cref="AccountabilityReport"/> (LPJ; issue #13): a storage contract of plain data, read
/// back by <see cref="AccountabilityReport.Restore(AccountabilityReportState)"/>.
/// </summary>
/// <param name="Format">The state's format version (<see cref="CurrentFormat"/>).</param>
/// <param name="GroupId">The group that received the grant.</param>
/// <param name="Grant">The grant amount, positive.</param>
/// <param name="DisbursedOn">The disbursement date.</param>
/// <param name="DueOn">The due date, fixed at opening from the profile's LPJ period.</param>
/// <param name="ProfileId">The profile (<c>Code@Version</c>) whose LPJ period applied.</param>
/// <param name="Spends">The spends, in the order recorded, as given.</param>
/// <param name="SubmittedOn">The submission date, or null while open.</param>
public sealed record AccountabilityReportState(
    int Format,
    GroupId GroupId,
    Rupiah Grant,
    LocalDate DisbursedOn,
    LocalDate DueOn,
    string ProfileId,
    IReadOnlyList<AidSpend> Spends,
    LocalDate? SubmittedOn)
{
    /// <summary>The format this version of KubeCore writes and reads.</summary>
    public const int CurrentFormat = 1;
}

/// <summary>A change to an <see cref="AccountabilityReport"/> after its rules passed (<see cref="AccountabilityReport.TakeChanges"/>).</summary>
[JsonPolymorphic]
[JsonDerivedType(typeof(AidSpendRecorded), "spend-recorded")]
[JsonDerivedType(typeof(AccountabilityReportSubmitted), "submitted")]
public abstract record AccountabilityReportFact;

/// <summary>A spend was recorded (AID-03).</summary>
/// <param name="Spend">The spend as given.</param>
public sealed record AidSpendRecorded(AidSpend Spend) : AccountabilityReportFact;

/// <summary>The LPJ was submitted; it takes no more spends.</summary>
/// <param name="SubmittedOn">The submission date.</param>
public sealed record AccountabilityReportSubmitted(LocalDate SubmittedOn) : AccountabilityReportFact;
