#include <devos/logic/run_metadata.hpp>
#include <devos/services/run_metadata_service.hpp>

namespace devos::services {

contracts::RunMetadata collectRunMetadata(const ports::RepoInspector& repo, const std::string& repoPath,
                                          const std::map<std::string, std::string>& env) {
    auto head = repo.head(repoPath);
    return logic::runMetadataFrom(head ? *head : contracts::RepoHead{}, env);
}

} // namespace devos::services
