[assembly: AssemblyFixture(typeof(KubeCore.Api.Tests.Support.ApiHosts))]
