using FsCheck;
using FsCheck.Fluent;
using KubeCore.Common;
using KubeCore.Tests.Support;

namespace KubeCore.Tests.Common;

public class SpecificationTests
{
    private sealed class Even : Specification<int>
    {
        public Even() => Query.Where(x => x % 2 == 0);
    }

    private sealed class Positive : Specification<int>
    {
        public Positive() => Query.Where(x => x > 0);
    }

    [Fact]
    public void Composed_specifications_agree_in_memory_and_as_queries() =>
        Rulebook.Verify(Prop.ForAll(ArbMap.Default.ArbFor<int[]>(), values =>
        {
            var both = new Even().And(new Positive());
            var either = new Even().Or(new Positive());
            var odd = new Even().Not();
            return both.Evaluate(values).SequenceEqual(values.Where(v => v % 2 == 0 && v > 0))
                && both.Evaluate(values.AsQueryable()).SequenceEqual(values.Where(v => v % 2 == 0 && v > 0))
                && either.Evaluate(values).SequenceEqual(values.Where(v => v % 2 == 0 || v > 0))
                && odd.Evaluate(values.AsQueryable()).SequenceEqual(values.Where(v => v % 2 != 0));
        }));
}
