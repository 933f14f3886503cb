import Testing
import Values
@testable import Kube

/// kstatus' status rules per kind family (expected statuses and messages are those of
/// `sigs.k8s.io/cli-utils/pkg/kstatus/status` and Helm's `--wait-for-jobs` Job reader).
@Suite struct ResourceStatusTests {
    typealias Case = (object: String, expected: ResourceStatus)

    static func object(_ yaml: String) throws -> Value {
        try YAML.load(Array(yaml.utf8), file: "case.yaml")
    }

    static func check(_ cases: [Case], waitForJobs: Bool = false) throws {
        for (yaml, expected) in cases {
            #expect(ResourceStatus.of(try object(yaml), waitForJobs: waitForJobs) == expected, "\(yaml)")
        }
    }

    @Test func genericRules() throws {
        try Self.check([
            ("{apiVersion: v1, kind: ConfigMap, metadata: {deletionTimestamp: '2025-01-01T00:00:00Z'}}",
             ResourceStatus(.terminating, "Resource scheduled for deletion")),
            ("{apiVersion: apps/v1, kind: Deployment, metadata: {generation: 2}, status: {observedGeneration: 1}}",
             ResourceStatus(.inProgress, "Deployment generation is 2, but latest observed generation is 1")),
            ("{apiVersion: example.com/v1, kind: Widget, status: {conditions: [{type: Reconciling, status: 'True', message: syncing}]}}",
             ResourceStatus(.inProgress, "syncing")),
            ("{apiVersion: example.com/v1, kind: Widget, status: {conditions: [{type: Stalled, status: 'True', message: broken}]}}",
             ResourceStatus(.failed, "broken")),
            ("{apiVersion: example.com/v1, kind: Widget, status: {conditions: [{type: Ready, status: 'False'}]}}",
             ResourceStatus(.current, "Resource is current")),
            ("{apiVersion: example.com/v1, kind: Widget}", ResourceStatus(.current, "Resource is current")),
            ("{apiVersion: v1, kind: Secret}", ResourceStatus(.current, "Resource is always ready")),
            ("{apiVersion: policy/v1, kind: PodDisruptionBudget}", ResourceStatus(.current, "AllowedDisruptions has been computed.")),
        ])
    }

    @Test func deployments() throws {
        let head = "apiVersion: apps/v1, kind: Deployment, spec: {replicas: 3"
        let ok = "conditions: [{type: Progressing, status: 'True', reason: NewReplicaSetAvailable}, {type: Available, status: 'True'}]"
        try Self.check([
            ("{\(head)}, status: {replicas: 1}}", ResourceStatus(.inProgress, "Replicas: 1/3")),
            ("{\(head)}, status: {replicas: 3, updatedReplicas: 1}}", ResourceStatus(.inProgress, "Updated: 1/3")),
            ("{\(head)}, status: {replicas: 4, updatedReplicas: 3}}", ResourceStatus(.inProgress, "Pending termination: 1")),
            ("{\(head)}, status: {replicas: 3, updatedReplicas: 3, availableReplicas: 2}}", ResourceStatus(.inProgress, "Available: 2/3")),
            ("{\(head)}, status: {replicas: 3, updatedReplicas: 3, availableReplicas: 3, readyReplicas: 2}}",
             ResourceStatus(.inProgress, "Ready: 2/3")),
            ("{\(head), progressDeadlineSeconds: 600}, status: {replicas: 3, updatedReplicas: 3, availableReplicas: 3, readyReplicas: 3}}",
             ResourceStatus(.inProgress, "ReplicaSet not Available")),
            ("{\(head)}, status: {replicas: 3, updatedReplicas: 3, availableReplicas: 3, readyReplicas: 3}}",
             ResourceStatus(.inProgress, "Deployment not Available")),
            ("{\(head), progressDeadlineSeconds: 600}, status: {replicas: 3, updatedReplicas: 3, availableReplicas: 3, readyReplicas: 3, \(ok)}}",
             ResourceStatus(.current, "Deployment is available. Replicas: 3")),
            ("{\(head)}, status: {conditions: [{type: Progressing, status: 'False', reason: ProgressDeadlineExceeded}]}}",
             ResourceStatus(.failed, "Progress deadline exceeded")),
        ])
    }

    @Test func statefulSets() throws {
        let head = "apiVersion: apps/v1, kind: StatefulSet, spec: {replicas: 2"
        let full = "replicas: 2, readyReplicas: 2"
        try Self.check([
            ("{\(head), updateStrategy: {type: OnDelete}}}", ResourceStatus(.current, "StatefulSet is using the ondelete update strategy")),
            ("{\(head)}, status: {replicas: 1}}", ResourceStatus(.inProgress, "Replicas: 1/2")),
            ("{\(head)}, status: {replicas: 2, readyReplicas: 1}}", ResourceStatus(.inProgress, "Ready: 1/2")),
            ("{\(head)}, status: {replicas: 3, readyReplicas: 3}}", ResourceStatus(.inProgress, "Pending termination: 1")),
            ("{\(head), updateStrategy: {rollingUpdate: {partition: 1}}}, status: {\(full)}}", ResourceStatus(.inProgress, "updated: 0/1")),
            ("{\(head), updateStrategy: {rollingUpdate: {partition: 1}}}, status: {\(full), updatedReplicas: 1}}",
             ResourceStatus(.current, "Partition rollout complete. updated: 1")),
            ("{\(head)}, status: {\(full), currentReplicas: 1}}", ResourceStatus(.inProgress, "current: 1/2")),
            ("{\(head)}, status: {\(full), currentReplicas: 2, currentRevision: a, updateRevision: b}}",
             ResourceStatus(.inProgress, "Waiting for updated revision to match current")),
            ("{\(head)}, status: {\(full), currentReplicas: 2, currentRevision: a, updateRevision: a}}",
             ResourceStatus(.current, "All replicas scheduled as expected. Replicas: 2")),
        ])
    }

    @Test func daemonSetsAndReplicaSets() throws {
        let ds = "apiVersion: apps/v1, kind: DaemonSet, metadata: {generation: 1}"
        let observed = "observedGeneration: 1, desiredNumberScheduled: 3"
        let rs = "apiVersion: apps/v1, kind: ReplicaSet, spec: {replicas: 2}"
        try Self.check([
            ("{apiVersion: apps/v1, kind: DaemonSet}", ResourceStatus(.inProgress, "DaemonSet metadata.generation not found")),
            ("{\(ds)}", ResourceStatus(.inProgress, "DaemonSet status.observedGeneration not found")),
            ("{\(ds), status: {observedGeneration: 1}}", ResourceStatus(.inProgress, "Missing .status.desiredNumberScheduled")),
            ("{\(ds), status: {\(observed), currentNumberScheduled: 2}}", ResourceStatus(.inProgress, "Current: 2/3")),
            ("{\(ds), status: {\(observed), currentNumberScheduled: 3, updatedNumberScheduled: 2}}", ResourceStatus(.inProgress, "Updated: 2/3")),
            ("{\(ds), status: {\(observed), currentNumberScheduled: 3, updatedNumberScheduled: 3, numberAvailable: 2}}",
             ResourceStatus(.inProgress, "Available: 2/3")),
            ("{\(ds), status: {\(observed), currentNumberScheduled: 3, updatedNumberScheduled: 3, numberAvailable: 3, numberReady: 2}}",
             ResourceStatus(.inProgress, "Ready: 2/3")),
            ("{\(ds), status: {\(observed), currentNumberScheduled: 3, updatedNumberScheduled: 3, numberAvailable: 3, numberReady: 3}}",
             ResourceStatus(.current, "All replicas scheduled as expected. Replicas: 3")),
            ("{\(rs), status: {conditions: [{type: ReplicaFailure, status: 'True'}]}}",
             ResourceStatus(.inProgress, "Replica Failure condition. Check Pods")),
            ("{\(rs), status: {fullyLabeledReplicas: 1}}", ResourceStatus(.inProgress, "Labelled: 1/2")),
            ("{\(rs), status: {fullyLabeledReplicas: 2, availableReplicas: 2, readyReplicas: 2, replicas: 2}}",
             ResourceStatus(.current, "ReplicaSet is available. Replicas: 2")),
        ])
    }

    @Test func podsClaimsAndServices() throws {
        let pod = "apiVersion: v1, kind: Pod"
        try Self.check([
            ("{\(pod), status: {phase: Succeeded}}", ResourceStatus(.current, "Pod has completed successfully")),
            ("{\(pod), status: {phase: Failed}}", ResourceStatus(.current, "Pod has completed, but not successfully")),
            ("{\(pod), status: {phase: Running, conditions: [{type: Ready, status: 'True'}]}}", ResourceStatus(.current, "Pod is Ready")),
            ("{\(pod), status: {phase: Running, containerStatuses: [{name: app, state: {waiting: {reason: CrashLoopBackOff}}}]}}",
             ResourceStatus(.failed, "Containers in CrashLoop state: app")),
            ("{\(pod), status: {phase: Running}}", ResourceStatus(.inProgress, "Pod is running but is not Ready")),
            ("{\(pod), metadata: {creationTimestamp: '2020-01-01T00:00:00Z'}, status: {phase: Pending, conditions: [{type: PodScheduled, status: 'False', reason: Unschedulable}]}}",
             ResourceStatus(.failed, "Pod could not be scheduled")),
            ("{\(pod), status: {phase: Pending}}", ResourceStatus(.inProgress, "Pod is in the Pending phase")),
            ("{\(pod)}", ResourceStatus(.inProgress, "Pod phase not available")),
            ("{apiVersion: v1, kind: PersistentVolumeClaim}", ResourceStatus(.inProgress, "PVC is not Bound. phase: unknown")),
            ("{apiVersion: v1, kind: PersistentVolumeClaim, status: {phase: Pending}}", ResourceStatus(.inProgress, "PVC is not Bound. phase: Pending")),
            ("{apiVersion: v1, kind: PersistentVolumeClaim, status: {phase: Bound}}", ResourceStatus(.current, "PVC is Bound")),
            ("{apiVersion: v1, kind: Service, spec: {type: LoadBalancer}}",
             ResourceStatus(.inProgress, "ClusterIP not set. Service type: LoadBalancer")),
            ("{apiVersion: v1, kind: Service, spec: {type: LoadBalancer, clusterIP: 10.0.0.7}}", ResourceStatus(.current, "Service is ready")),
            ("{apiVersion: v1, kind: Service, spec: {ports: [{port: 80}]}}", ResourceStatus(.current, "Service is ready")),
        ])
    }

    @Test func jobsAndCustomResourceDefinitions() throws {
        let job = "apiVersion: batch/v1, kind: Job"
        try Self.check([
            ("{\(job)}", ResourceStatus(.inProgress, "Job not started")),
            ("{\(job), status: {startTime: '2025-01-01T00:00:00Z', active: 1}}",
             ResourceStatus(.current, "Job in progress. success:0, active: 1, failed: 0")),
            ("{\(job), status: {failed: 3, conditions: [{type: Failed, status: 'True'}]}}", ResourceStatus(.failed, "Job Failed. failed: 3/1")),
            ("{\(job), spec: {completions: 2}, status: {succeeded: 2, conditions: [{type: Complete, status: 'True'}]}}",
             ResourceStatus(.current, "Job Completed. succeeded: 2/2")),
            ("{apiVersion: apiextensions.k8s.io/v1, kind: CustomResourceDefinition, status: {conditions: [{type: Established, status: 'True'}]}}",
             ResourceStatus(.current, "CRD is established")),
            ("{apiVersion: apiextensions.k8s.io/v1, kind: CustomResourceDefinition}", ResourceStatus(.inProgress, "Install in progress")),
        ])
        try Self.check([
            ("{\(job), status: {startTime: '2025-01-01T00:00:00Z', active: 1}}", ResourceStatus(.inProgress, "Job in progress")),
            ("{\(job), status: {succeeded: 1, conditions: [{type: Complete, status: 'True'}]}}", ResourceStatus(.current, "Job Completed. succeeded: 1/1")),
            ("{\(job), status: {failed: 1, conditions: [{type: Failed, status: 'True'}]}}", ResourceStatus(.failed, "Job Failed. failed: 1/1")),
        ], waitForJobs: true)
    }

    @Test func readinessSummarisesStatus() throws {
        let cases: [(String, Readiness)] = [
            ("{apiVersion: v1, kind: PersistentVolumeClaim, status: {phase: Bound}}", .ready),
            ("{apiVersion: v1, kind: PersistentVolumeClaim}", .pending("PVC is not Bound. phase: unknown")),
            ("{apiVersion: batch/v1, kind: Job, status: {startTime: x}}", .pending("Job in progress")),
            ("{apiVersion: batch/v1, kind: Job, status: {failed: 1, conditions: [{type: Failed, status: 'True'}]}}",
             .failed("Job Failed. failed: 1/1")),
        ]
        for (yaml, expected) in cases {
            #expect(Readiness.of(try Self.object(yaml)) == expected, "\(yaml)")
        }
    }
}
