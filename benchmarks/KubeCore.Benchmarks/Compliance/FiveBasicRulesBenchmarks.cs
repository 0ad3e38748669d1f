using BenchmarkDotNet.Attributes;
using KubeCore.Common;
using KubeCore.Compliance;
using KubeCore.Rules;
using NodaTime;

namespace KubeCore.Benchmarks.Compliance;

/// <summary>The five basic rules (FIVE-01..05) over one week of a 10-member group that saves, meets, closes its books and repays.</summary>
[MemoryDiagnoser]
public class FiveBasicRulesBenchmarks
{
    private GroupWeek _week = null!;
    private ProgramProfile _profile = null!;

    [GlobalSetup]
    public void Setup()
    {
        _profile = ProgramProfiles.KsmP2kp;
        var members = Enumerable.Range(1, 10).Select(i => new PersonId(Ids.Guid(1, i))).ToArray();
        var loans = Enumerable.Range(1, 3).Select(i => new LoanId(Ids.Guid(2, i))).ToArray();
        _week = new GroupWeek(
            new GroupId(Ids.Guid(3, 1)),
            new LocalDate(2025, 1, 6),
            members.Select((m, i) => new MemberWeekSavings(m, [new EntryId(Ids.Guid(4, i + 1))])).ToArray(),
            new MeetingId(Ids.Guid(5, 1)),
            new EntryId(Ids.Guid(4, 99)),
            MayLend: true,
            LoansDisbursed: [],
            UnservedRequests: 0,
            InstallmentsDue: loans.Select((l, i) => new InstallmentDue(l, 3, [new EntryId(Ids.Guid(6, i + 1))], false)).ToArray());
    }

    [Benchmark]
    public FiveRulesWeekReport CheckWeek() => FiveBasicRules.Check(_week, _profile);
}
