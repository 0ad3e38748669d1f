namespace KubeCore.Api.Commands;

/// <summary>
/// How one kind of aggregate is kept: as the library's own states (<c>ToState</c>, <c>Restore</c>, <c>TakeChanges</c>),
/// one JSON part per library aggregate, plus insert-only ledger rows for a group. Loading restores (structure checked,
/// no rule judged again); a change runs the library operation on the restored aggregates and stores the parts that changed.
/// </summary>
/// <typeparam name="TState">The in-memory state: the library aggregate(s) of one stored aggregate.</typeparam>
public abstract class StateType<TState>
    where TState : class
{
    /// <summary>The aggregate type stored in <c>aggregates.type</c>, e.g. <c>group</c>.</summary>
    public abstract string Name { get; }

    /// <summary>True when the aggregate keeps ledger entries (a group).</summary>
    public virtual bool HasLedger => false;

    /// <summary>Restores the state from its stored parts (by name, JSON) and, for a group, its ledger rows in order.</summary>
    /// <exception cref="KubeCore.Common.StateRestoreException">A stored part is broken.</exception>
    public abstract TState Restore(Guid id, IReadOnlyDictionary<string, string> parts, IReadOnlyList<LedgerEntryRow> ledger);

    /// <summary>
    /// Catches up <paramref name="earlier"/>, a state this process held at an older version, with the parts and the ledger
    /// rows written since (<paramref name="changedParts"/>, <paramref name="laterLedger"/>); by default restores afresh
    /// from the changed parts alone, right for a type that writes every part on each change.
    /// </summary>
    public virtual TState CatchUp(Guid id, TState earlier, IReadOnlyDictionary<string, string> changedParts, IReadOnlyList<LedgerEntryRow> laterLedger) =>
        Restore(id, changedParts, []);

    /// <summary>How many ledger entries the state holds (sequences 1 to n): a catch-up reads the rows after them.</summary>
    public virtual long LedgerCount(TState state) => 0;

    /// <summary>The parts changed since the state was restored or last stored (all of them for a new aggregate), and forgets the changes.</summary>
    public abstract IEnumerable<(string Part, object State)> TakeChanges(TState state);

    /// <summary>The ledger entries appended since the state was restored or last stored (group, version and time are set by the store).</summary>
    public virtual IEnumerable<LedgerEntryRow> TakeEntries(TState state) => [];

    /// <summary>Called before a change with the request's clock (a group takes the host's today in its own time zone from it, SAV-09).</summary>
    public virtual void BeforeChange(TState state, DateTimeOffset now)
    {
    }

    /// <summary>A small JSON-serializable summary for listings (name, status).</summary>
    public virtual object Summary(TState state) => new { };

    /// <summary>Reads a stored part, or null when the aggregate has none of that name.</summary>
    protected static T? Part<T>(IReadOnlyDictionary<string, string> parts, string name)
        where T : class =>
        parts.TryGetValue(name, out var json) ? JsonSerializer.Deserialize<T>(json, KubeCoreJsonConverters.Storage) : null;
}
