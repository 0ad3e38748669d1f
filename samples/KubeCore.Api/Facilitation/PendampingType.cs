using KubeCore.Facilitation;

namespace KubeCore.Api.Facilitation;

/// <summary>A pendamping as stored: one part, <c>pendamping</c> (<see cref="PendampingState"/>), rewritten on each change (it is small).</summary>
public sealed class PendampingType : StateType<Pendamping>
{
    /// <summary>The one instance.</summary>
    public static PendampingType Instance { get; } = new();

    /// <inheritdoc />
    public override string Name => "pendamping";

    /// <inheritdoc />
    public override Pendamping Restore(Guid id, IReadOnlyDictionary<string, string> parts, IReadOnlyList<LedgerEntryRow> ledger) =>
        Pendamping.Restore(Part<PendampingState>(parts, "pendamping") ?? throw StateRestoreException.Broken("Pendamping", "pendamping", "the part is missing"), ProgramProfiles.Resolve);

    /// <inheritdoc />
    public override IEnumerable<(string Part, object State)> TakeChanges(Pendamping state)
    {
        _ = state.TakeChanges();
        yield return ("pendamping", state.ToState());
    }

    /// <inheritdoc />
    public override object Summary(Pendamping state) => new PendampingSummary(state.Name, state.Profile.Id, state.AppointedOn, state.Assignments.Count(a => a.ReleasedOn is null), state.MaxGroups);
}

/// <summary>What a pendamping listing shows.</summary>
public sealed record PendampingSummary(string Name, string ProfileId, LocalDate AppointedOn, int Groups, int MaxGroups);
